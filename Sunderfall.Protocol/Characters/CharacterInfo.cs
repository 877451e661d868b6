namespace Sunderfall.Protocol.Characters
{
    /// <summary>A player's character as the client sees it.</summary>
    public sealed class CharacterInfo
    {
        /// <summary>The character id (a GUID in "D" form); keep it to enter the world again later.</summary>
        public string Id { get; set; } = "";

        /// <summary>The unique display name.</summary>
        public string Name { get; set; } = "";

        /// <summary>The class, lower case: warrior, ranger, mage or cleric.</summary>
        public string Class { get; set; } = "";

        /// <summary>The character level, from 1.</summary>
        public int Level { get; set; }

        /// <summary>The zone the character is in (or will enter).</summary>
        public string ZoneId { get; set; } = "";

        /// <summary>Position in zone units.</summary>
        public float X { get; set; }

        /// <summary>Position in zone units.</summary>
        public float Y { get; set; }
    }
}
