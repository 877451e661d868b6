using Sunderfall.Content.Definitions;

namespace Sunderfall.Content.Loading;

/// <summary>What a class definition may hold.</summary>
internal static class ClassRules
{
    private static readonly IReadOnlyList<string> ClassIds = ["warrior", "ranger", "mage", "cleric"];
    private static readonly IReadOnlyList<string> PowerStats = [StatNames.Strength, StatNames.Agility, StatNames.Intellect];

    public static void Check(ClassDefinition definition, FieldChecker at, ContentSet<AbilityDefinition> abilities)
    {
        at.OneOf("id", definition.Id, ClassIds, "a playable class");
        at.Name(definition.Name);
        at.Range("baseHealth", definition.BaseHealth, 1, 100_000);
        at.Range("healthPerStamina", definition.HealthPerStamina, 0, 1000);
        at.Range("baseResource", definition.BaseResource, 0, 100_000);
        at.Range("resourcePerIntellect", definition.ResourcePerIntellect, 0, 1000);
        at.Range("resourceRegen", definition.ResourceRegen, 0f, 10_000f);
        at.OneOf("powerStat", definition.PowerStat, PowerStats, "a power stat");
        CheckStats(at.Member("stats"), definition.Stats, 0);
        CheckStats(at.Member("statsPerLevel"), definition.StatsPerLevel, 0);

        var list = at.Member("abilities");
        if (definition.Abilities.Count == 0)
        {
            at.Error("abilities", "is empty; a class needs at least one ability");
        }

        for (var i = 0; i < definition.Abilities.Count; i++)
        {
            abilities.CheckReference(list.Element(i, null), "", definition.Abilities[i]);
        }
    }

    private static void CheckStats(FieldChecker stats, IReadOnlyDictionary<string, int> values, int min)
    {
        foreach (var (stat, value) in values)
        {
            if (StatNames.All.Contains(stat, StringComparer.Ordinal))
            {
                stats.Range(stat, value, min, 1000);
            }
            else
            {
                stats.Error(stat, $"'{stat}' is not a stat; allowed: {ContentText.List(StatNames.All)}");
            }
        }
    }
}
