namespace Sunderfall.Protocol.Characters
{
    /// <summary>A reward from one encounter, committed and applied: what was earned, and the character sheet after it.</summary>
    public sealed class RewardInfo
    {
        /// <summary>The encounter the reward came from (GUID "D" form); a reward is granted once per encounter.</summary>
        public string EncounterId { get; set; } = "";

        /// <summary>Experience earned.</summary>
        public long Experience { get; set; }

        /// <summary>Gold earned.</summary>
        public long Gold { get; set; }

        /// <summary>Items earned (those that did not fit in the bag wait in the sheet's overflow).</summary>
        public ItemCountInfo[] Items { get; set; } = System.Array.Empty<ItemCountInfo>();

        /// <summary>When the reward was earned: server time, Unix milliseconds.</summary>
        public long At { get; set; }

        /// <summary>The character sheet with the reward applied.</summary>
        public CharacterSheetInfo? Sheet { get; set; }
    }
}
