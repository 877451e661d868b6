using Sunderfall.Grains.Interfaces.Inventory;

namespace Sunderfall.Grains.Interfaces.Players;

/// <summary>
/// Everything a player sees on their character panel: progression, gold, stats, the bag and what is worn
/// (<see cref="Equipped"/> maps an equipment slot name to an item id). <see cref="Overflow"/> holds rewarded items
/// that did not fit in the bag (null or empty when none): they are kept, and move into the bag by themselves as soon
/// as slots free up.
/// </summary>
[GenerateSerializer, Immutable, Alias("sf.CharacterSheet")]
public sealed record CharacterSheet(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Name,
    [property: Id(2)] CharacterClass Class,
    [property: Id(3)] int Level,
    [property: Id(4)] long Experience,
    [property: Id(5)] long ExperienceToNextLevel,
    [property: Id(6)] long Gold,
    [property: Id(7)] CharacterStats Stats,
    [property: Id(8)] IReadOnlyList<InventoryItem> Bag,
    [property: Id(9)] int BagCapacity,
    [property: Id(10)] IReadOnlyDictionary<string, string> Equipped,
    [property: Id(11)] IReadOnlyList<ItemCount>? Overflow = null);
