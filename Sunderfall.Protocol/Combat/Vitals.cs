namespace Sunderfall.Protocol.Combat
{
    /// <summary>The character's own combat state: sent when it changes (regeneration at most 4 times a second).</summary>
    public sealed class Vitals
    {
        public int Health { get; set; }

        public int MaxHealth { get; set; }

        /// <summary>Mana or energy, spent by abilities.</summary>
        public int Resource { get; set; }

        public int MaxResource { get; set; }

        /// <summary>True while dead: the character comes back at the zone's spawn after 5 s.</summary>
        public bool Dead { get; set; }

        /// <summary>The ability being cast, or null.</summary>
        public string? Casting { get; set; }
    }
}
