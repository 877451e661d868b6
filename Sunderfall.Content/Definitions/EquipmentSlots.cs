namespace Sunderfall.Content.Definitions;

/// <summary>The values <see cref="ItemDefinition.Slot"/> may take for equipment.</summary>
public static class EquipmentSlots
{
    public const string Weapon = "weapon";

    public const string Head = "head";

    public const string Chest = "chest";

    public const string Legs = "legs";

    public const string Feet = "feet";

    public const string Hands = "hands";

    public const string Ring = "ring";

    public static IReadOnlyList<string> All { get; } = [Weapon, Head, Chest, Legs, Feet, Hands, Ring];
}
