using Sunderfall.Content.Definitions;

namespace Sunderfall.Content.Loading;

/// <summary>What a monster definition may hold.</summary>
internal static class MonsterRules
{
    private const float MostRadius = 200f;
    private const float MostLeash = 1000f;

    public static void Check(MonsterDefinition monster, FieldChecker at, ContentSet<AbilityDefinition> abilities, ContentSet<ItemDefinition> items)
    {
        at.Id("id", monster.Id);
        at.Name(monster.Name);
        at.Range("level", monster.Level, 1, 100);
        at.Range("maxHealth", monster.MaxHealth, 1, 1_000_000);
        at.Range("speed", monster.Speed, 0.1f, 50f);
        at.Range("aggroRadius", monster.AggroRadius, 0f, MostRadius);
        at.Range("wanderRadius", monster.WanderRadius, 0f, MostRadius);
        // A leash shorter than the aggro radius would make the monster give up on a player it has just noticed.
        at.Range("leashRadius", monster.LeashRadius, Math.Clamp(monster.AggroRadius, 0f, MostLeash), MostLeash, "at least aggroRadius");
        at.Range("experienceReward", monster.ExperienceReward, 0, 1_000_000);

        var list = at.Member("abilities");
        for (var i = 0; i < monster.Abilities.Count; i++)
        {
            abilities.CheckReference(list.Element(i, null), "", monster.Abilities[i]);
        }

        at.Range("goldMin", monster.GoldMin, 0, 1_000_000);
        at.Range("goldMax", monster.GoldMax, Math.Clamp(monster.GoldMin, 0, 1_000_000), 1_000_000);
        var loot = at.Member("loot");
        for (var i = 0; i < monster.Loot.Count; i++)
        {
            var line = monster.Loot[i];
            var entry = loot.Element(i, line.Item);
            items.CheckReference(entry, "item", line.Item);
            // Written so that NaN fails too.
            if (!(line.Chance > 0f && line.Chance <= 1f))
            {
                entry.Error("chance", $"{ContentText.Number(line.Chance)} is out of range; allowed above 0 and at most 1");
            }

            entry.Range("min", line.Min, 1, 9999);
            entry.Range("max", line.Max, Math.Clamp(line.Min, 1, 9999), 9999);
        }
    }
}
