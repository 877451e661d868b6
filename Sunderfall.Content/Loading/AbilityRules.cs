using Sunderfall.Content.Definitions;

namespace Sunderfall.Content.Loading;

/// <summary>What an ability definition may hold.</summary>
internal static class AbilityRules
{
    public static void Check(AbilityDefinition ability, FieldChecker at)
    {
        at.Id("id", ability.Id);
        at.Name(ability.Name);
        at.OneOf("target", ability.Target, AbilityTargets.All, "an ability target");
        at.Range("damage", ability.Damage, 0, 100_000);
        at.Range("heal", ability.Heal, 0, 100_000);
        at.Range("resourceCost", ability.ResourceCost, 0, 10_000);
        at.Range("cooldownSeconds", ability.CooldownSeconds, 0f, 3600f);
        at.Range("range", ability.Range, 0.1f, 200f);
        at.Range("castSeconds", ability.CastSeconds, 0f, 60f);
        at.Range("areaRadius", ability.AreaRadius, 0f, 50f);
    }
}
