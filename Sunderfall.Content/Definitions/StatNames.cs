namespace Sunderfall.Content.Definitions;

/// <summary>The keys <see cref="ItemDefinition.Stats"/> may use.</summary>
public static class StatNames
{
    public const string Strength = "strength";

    public const string Agility = "agility";

    public const string Intellect = "intellect";

    public const string Stamina = "stamina";

    public const string Armor = "armor";

    public static IReadOnlyList<string> All { get; } = [Strength, Agility, Intellect, Stamina, Armor];
}
