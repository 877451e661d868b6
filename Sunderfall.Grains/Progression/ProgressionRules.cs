using Sunderfall.Content;
using Sunderfall.Content.Definitions;
using Sunderfall.Grains.Interfaces.Players;

namespace Sunderfall.Grains.Progression;

/// <summary>
/// Levels, stats and combat numbers of characters.
/// <para>
/// Experience: a character holds the experience it has gathered into its current level. Going from level L to L + 1
/// takes round(100 * L^1.5): 100, 283, 520, 800, 1118 ... 8282 for 19 to 20. One gain may raise several levels.
/// Level 20 is the cap: a character there keeps no experience (0, with 0 to the next level) and further experience
/// is not counted.
/// </para>
/// <para>
/// Stats: the class's level-1 stats, plus its per-level stats for each level above 1, plus the stats of what is worn
/// (each stat at least 0). MaxHealth = BaseHealth + stamina * HealthPerStamina, MaxResource = BaseResource + intellect
/// * ResourcePerIntellect, Power = the class's power stat, Armor = the armor stat. A class missing from the content
/// gets <see cref="FallbackClass"/>, so a character stays playable while content is incomplete.
/// </para>
/// </summary>
public sealed class ProgressionRules(ContentCatalog content)
{
    public const int LevelCap = 20;

    /// <summary>Experience needed to go from <paramref name="level"/> to the next; 0 at (or above) the cap.</summary>
    public static long ExperienceToAdvance(int level) =>
        level >= LevelCap ? 0 : (long)Math.Round(100 * Math.Pow(Math.Max(level, 1), 1.5), MidpointRounding.AwayFromZero);

    /// <summary>Adds <paramref name="gained"/> experience (negative counts as none) and takes every level it pays for.</summary>
    public static ExperienceGain AddExperience(int level, long experience, long gained)
    {
        level = Math.Clamp(level, 1, LevelCap);
        if (level == LevelCap)
        {
            return new ExperienceGain(LevelCap, 0, 0);
        }

        // Saturates instead of overflowing: nothing earns that much, but a corrupt grant must not wrap around.
        var total = Math.Max(experience, 0) > long.MaxValue - Math.Max(gained, 0) ? long.MaxValue : Math.Max(experience, 0) + Math.Max(gained, 0);
        var start = level;
        while (level < LevelCap && total >= ExperienceToAdvance(level))
        {
            total -= ExperienceToAdvance(level);
            level++;
        }

        return new ExperienceGain(level, level == LevelCap ? 0 : total, level - start);
    }

    /// <summary>The content id of a class: its name in lower case.</summary>
    public static string ClassId(CharacterClass characterClass) => characterClass.ToString().ToLowerInvariant();

    /// <summary>The class's definition, or <see cref="FallbackClass"/> when the content has none.</summary>
    public ClassDefinition ClassOf(CharacterClass characterClass) =>
        content.Classes.TryGetValue(ClassId(characterClass), out var definition) ? definition : FallbackClass(characterClass);

    /// <summary>The stats of a character of this class and level wearing the given items (ids unknown to content add nothing).</summary>
    public CharacterStats Stats(CharacterClass characterClass, int level, IEnumerable<string> wornItemIds)
    {
        ArgumentNullException.ThrowIfNull(wornItemIds);
        var definition = ClassOf(characterClass);
        var levelsAbove1 = Math.Clamp(level, 1, LevelCap) - 1;
        var stats = StatNames.All.ToDictionary(s => s, s => Get(definition.Stats, s) + (Get(definition.StatsPerLevel, s) * levelsAbove1), StringComparer.Ordinal);
        foreach (var itemId in wornItemIds)
        {
            if (content.Items.TryGetValue(itemId, out var item))
            {
                foreach (var (stat, bonus) in item.Stats)
                {
                    if (stats.TryGetValue(stat, out var value))
                    {
                        stats[stat] = value + bonus;
                    }
                }
            }
        }

        foreach (var stat in StatNames.All)
        {
            stats[stat] = Math.Max(stats[stat], 0);
        }

        return new CharacterStats(
            stats[StatNames.Strength],
            stats[StatNames.Agility],
            stats[StatNames.Intellect],
            stats[StatNames.Stamina],
            stats[StatNames.Armor],
            MaxHealth: Math.Max(1, definition.BaseHealth + (stats[StatNames.Stamina] * definition.HealthPerStamina)),
            MaxResource: Math.Max(0, definition.BaseResource + (stats[StatNames.Intellect] * definition.ResourcePerIntellect)),
            Power: stats.GetValueOrDefault(definition.PowerStat));
    }

    /// <summary>What a zone needs to run the character in combat.</summary>
    public CombatProfile Profile(CharacterClass characterClass, int level, CharacterStats stats, Guid? partyId)
    {
        ArgumentNullException.ThrowIfNull(stats);
        return new CombatProfile(
            Math.Clamp(level, 1, LevelCap), characterClass, stats.MaxHealth, stats.MaxResource, stats.Power, stats.Armor,
            ClassOf(characterClass).Abilities, partyId);
    }

    /// <summary>
    /// A plain class for content without this one: 5 in every stat but armor, +1 stamina and +1 in the power stat per
    /// level, the record's default health and resource, and no abilities.
    /// </summary>
    public static ClassDefinition FallbackClass(CharacterClass characterClass)
    {
        var powerStat = characterClass switch
        {
            CharacterClass.Ranger => StatNames.Agility,
            CharacterClass.Mage or CharacterClass.Cleric => StatNames.Intellect,
            _ => StatNames.Strength,
        };
        return new ClassDefinition
        {
            Id = ClassId(characterClass),
            Name = characterClass.ToString(),
            Stats = new Dictionary<string, int>(StringComparer.Ordinal)
            {
                [StatNames.Strength] = 5, [StatNames.Agility] = 5, [StatNames.Intellect] = 5, [StatNames.Stamina] = 5,
            },
            StatsPerLevel = new Dictionary<string, int>(StringComparer.Ordinal) { [StatNames.Stamina] = 1, [powerStat] = 1 },
            PowerStat = powerStat,
        };
    }

    private static int Get(IReadOnlyDictionary<string, int> stats, string stat) => stats.TryGetValue(stat, out var value) ? value : 0;
}
