namespace Sunderfall.Protocol.Content
{
    /// <summary>A playable class and the ids of the abilities its characters know, in hotkey order.</summary>
    public sealed class ClassInfo
    {
        /// <summary>The class id (lower case), as CreateCharacter takes it.</summary>
        public string Id { get; set; } = "";

        /// <summary>Display name.</summary>
        public string Name { get; set; } = "";

        /// <summary>Ability ids.</summary>
        public string[] Abilities { get; set; } = System.Array.Empty<string>();
    }
}
