namespace Sunderfall.Protocol.Content
{
    /// <summary>
    /// GET /api/content/catalog: the content a client shows by name - classes with their abilities, abilities with
    /// their cooldowns and ranges, items with their names and kinds. Read-only game data, the same for everyone.
    /// </summary>
    public sealed class GameCatalogInfo
    {
        /// <summary>Playable classes.</summary>
        public ClassInfo[] Classes { get; set; } = System.Array.Empty<ClassInfo>();

        /// <summary>Abilities players can use.</summary>
        public AbilityInfo[] Abilities { get; set; } = System.Array.Empty<AbilityInfo>();

        /// <summary>Every item.</summary>
        public ItemInfo[] Items { get; set; } = System.Array.Empty<ItemInfo>();
    }
}
