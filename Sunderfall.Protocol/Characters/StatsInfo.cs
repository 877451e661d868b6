namespace Sunderfall.Protocol.Characters
{
    /// <summary>A character's stats from class, level and equipment, and what they come to in combat.</summary>
    public sealed class StatsInfo
    {
        /// <summary>Strength.</summary>
        public int Strength { get; set; }

        /// <summary>Agility.</summary>
        public int Agility { get; set; }

        /// <summary>Intellect.</summary>
        public int Intellect { get; set; }

        /// <summary>Stamina.</summary>
        public int Stamina { get; set; }

        /// <summary>Armor, reducing damage taken.</summary>
        public int Armor { get; set; }

        /// <summary>Health when full.</summary>
        public int MaxHealth { get; set; }

        /// <summary>Mana or energy when full.</summary>
        public int MaxResource { get; set; }

        /// <summary>The value of the class's power stat (e.g. strength for a warrior), which scales ability damage and healing.</summary>
        public int Power { get; set; }
    }
}
