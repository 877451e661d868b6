namespace Sunderfall.Protocol.Combat
{
    /// <summary>
    /// One thing that happened in combat. Kind: 1 cast started, 2 ability used, 3 damage, 4 heal, 5 died, 6 respawned.
    /// Entities are net ids (0: none).
    /// </summary>
    public sealed class CombatEventInfo
    {
        public int Kind { get; set; }

        public int SourceNetId { get; set; }

        public int TargetNetId { get; set; }

        /// <summary>The ability id from content (empty for deaths, respawns and potions).</summary>
        public string AbilityId { get; set; } = "";

        /// <summary>Damage dealt or health restored.</summary>
        public int Amount { get; set; }

        public bool Critical { get; set; }
    }
}
