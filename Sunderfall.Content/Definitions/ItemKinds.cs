namespace Sunderfall.Content.Definitions;

/// <summary>The values <see cref="ItemDefinition.Kind"/> may take.</summary>
public static class ItemKinds
{
    public const string Equipment = "equipment";

    public const string Consumable = "consumable";

    public const string Material = "material";

    public static IReadOnlyList<string> All { get; } = [Equipment, Consumable, Material];
}
