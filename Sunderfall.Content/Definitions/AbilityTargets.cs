namespace Sunderfall.Content.Definitions;

/// <summary>The values <see cref="AbilityDefinition.Target"/> may take.</summary>
public static class AbilityTargets
{
    public const string Enemy = "enemy";

    public const string Self = "self";

    public const string Ally = "ally";

    public static IReadOnlyList<string> All { get; } = [Enemy, Self, Ally];
}
