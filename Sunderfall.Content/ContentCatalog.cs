using Sunderfall.Content.Definitions;

namespace Sunderfall.Content;

/// <summary>All game content, loaded and validated once at start; read-only afterwards.</summary>
public sealed class ContentCatalog(
    IReadOnlyDictionary<string, ZoneDefinition> zones,
    IReadOnlyDictionary<string, MonsterDefinition> monsters,
    IReadOnlyDictionary<string, ItemDefinition> items,
    IReadOnlyDictionary<string, AbilityDefinition> abilities,
    IReadOnlyDictionary<string, ClassDefinition>? classes = null)
{
    public IReadOnlyDictionary<string, ZoneDefinition> Zones { get; } = zones;

    public IReadOnlyDictionary<string, MonsterDefinition> Monsters { get; } = monsters;

    public IReadOnlyDictionary<string, ItemDefinition> Items { get; } = items;

    public IReadOnlyDictionary<string, AbilityDefinition> Abilities { get; } = abilities;

    /// <summary>Playable classes by id (the class name in lower case).</summary>
    public IReadOnlyDictionary<string, ClassDefinition> Classes { get; } = classes ?? new Dictionary<string, ClassDefinition>();
}
