using System.Collections.Generic;

namespace Sunderfall.Protocol.Characters
{
    /// <summary>The character panel: progression, gold, stats, the bag and what is worn.</summary>
    public sealed class CharacterSheetInfo
    {
        /// <summary>The character id (GUID "D" form).</summary>
        public string Id { get; set; } = "";

        /// <summary>The character name.</summary>
        public string Name { get; set; } = "";

        /// <summary>The class, lower case: warrior, ranger, mage or cleric.</summary>
        public string Class { get; set; } = "";

        /// <summary>The character level, from 1.</summary>
        public int Level { get; set; }

        /// <summary>Experience gathered toward the next level.</summary>
        public long Experience { get; set; }

        /// <summary>Experience the next level needs.</summary>
        public long ExperienceToNextLevel { get; set; }

        /// <summary>Gold held.</summary>
        public long Gold { get; set; }

        /// <summary>Stats from class, level and equipment.</summary>
        public StatsInfo Stats { get; set; } = new StatsInfo();

        /// <summary>The occupied bag slots, by slot number; empty slots are left out.</summary>
        public InventoryItemInfo[] Bag { get; set; } = System.Array.Empty<InventoryItemInfo>();

        /// <summary>How many slots the bag has (slots are numbered from 0).</summary>
        public int BagCapacity { get; set; }

        /// <summary>What is worn: equipment slot (lower case: weapon, head, chest, legs, feet, hands, ring) to item id.</summary>
        public Dictionary<string, string> Equipped { get; set; } = new Dictionary<string, string>();

        /// <summary>Rewarded items that did not fit in the bag; they move into it by themselves as slots free up.</summary>
        public ItemCountInfo[] Overflow { get; set; } = System.Array.Empty<ItemCountInfo>();
    }
}
