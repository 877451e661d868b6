namespace Sunderfall.Protocol.Content
{
    /// <summary>An ability as a client shows it: name, target kind, cost, cooldown, range and cast time.</summary>
    public sealed class AbilityInfo
    {
        /// <summary>The id UseAbility takes.</summary>
        public string Id { get; set; } = "";

        /// <summary>Display name.</summary>
        public string Name { get; set; } = "";

        /// <summary>enemy, ally or self.</summary>
        public string Target { get; set; } = "";

        /// <summary>Resource paid when it lands.</summary>
        public int ResourceCost { get; set; }

        /// <summary>Seconds before it can be used again.</summary>
        public float CooldownSeconds { get; set; }

        /// <summary>Largest distance to the target, in units.</summary>
        public float Range { get; set; }

        /// <summary>Seconds from use to landing (0: at once).</summary>
        public float CastSeconds { get; set; }
    }
}
