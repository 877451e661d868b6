using System.Collections.Frozen;
using Sunderfall.Content;
using Sunderfall.Content.Definitions;
using Sunderfall.Grains.Interfaces.Players;
using Sunderfall.Grains.Progression;
using Xunit;

namespace Sunderfall.Grains.Tests.Progression;

public sealed class ProgressionRulesTests
{
    private readonly ProgressionRules rules = new(RepositoryContent.Catalog);

    [Theory]
    [InlineData(1, 100)]
    [InlineData(2, 283)]
    [InlineData(10, 3162)]
    [InlineData(19, 8282)]
    [InlineData(20, 0)]
    public void ExperienceToAdvance_FollowsOneHundredTimesTheLevelToThePowerOfOneAndAHalf(int level, long expected) =>
        Assert.Equal(expected, ProgressionRules.ExperienceToAdvance(level));

    [Fact]
    public void AddExperience_ShortOfTheNextLevel_KeepsTheLevelAndAddsUp() =>
        Assert.Equal(new ExperienceGain(1, 90, 0), ProgressionRules.AddExperience(1, 40, 50));

    [Fact]
    public void AddExperience_ExactlyEnough_LevelsUpWithNothingLeftOver() =>
        Assert.Equal(new ExperienceGain(2, 0, 1), ProgressionRules.AddExperience(1, 0, 100));

    [Fact]
    public void AddExperience_EnoughForSeveralLevels_TakesThemAllAndKeepsTheRest() =>
        Assert.Equal(new ExperienceGain(4, 10, 3), ProgressionRules.AddExperience(1, 0, 100 + 283 + 520 + 10));

    [Fact]
    public void AddExperience_PastTheCap_StopsAtLevelTwentyKeepingNoExperience()
    {
        Assert.Equal(new ExperienceGain(ProgressionRules.LevelCap, 0, 1), ProgressionRules.AddExperience(19, 100, 1_000_000_000));
        Assert.Equal(new ExperienceGain(ProgressionRules.LevelCap, 0, 0), ProgressionRules.AddExperience(ProgressionRules.LevelCap, 0, 500));
    }

    [Fact]
    public void AddExperience_WhenNegative_ChangesNothing() =>
        Assert.Equal(new ExperienceGain(3, 50, 0), ProgressionRules.AddExperience(3, 50, -1000));

    [Fact]
    public void Stats_OfALevelOneWarrior_AreTheClassStatsWithHealthFromStaminaAndPowerFromStrength()
    {
        var stats = rules.Stats(CharacterClass.Warrior, 1, []);

        // classes.json: warrior 12/6/2/12/6, health 100 + 6 per stamina, resource 50 + 1 per intellect.
        Assert.Equal(new CharacterStats(12, 6, 2, 12, 6, MaxHealth: 172, MaxResource: 52, Power: 12), stats);
    }

    [Fact]
    public void Stats_AtLevelFive_AddFourLevelsOfTheClassGrowth()
    {
        var stats = rules.Stats(CharacterClass.Warrior, 5, []);

        // +2 strength, +1 agility, +2 stamina, +1 armor per level.
        Assert.Equal(new CharacterStats(20, 10, 2, 20, 10, MaxHealth: 220, MaxResource: 52, Power: 20), stats);
    }

    [Fact]
    public void Stats_WithEquipment_AddTheStatsOfEveryItemWornAndIgnoreItemsTheContentLacks()
    {
        var stats = rules.Stats(CharacterClass.Warrior, 1, ["rusty-sword", "worn-boots", "no-such-item"]);

        // Rusty Sword +2 strength; Worn Boots +1 armor +1 agility.
        Assert.Equal(new CharacterStats(14, 7, 2, 12, 7, MaxHealth: 172, MaxResource: 52, Power: 14), stats);
    }

    [Fact]
    public void Profile_OfAMage_UsesIntellectForPowerAndResourceAndCarriesTheClassAbilitiesAndParty()
    {
        var party = Guid.NewGuid();

        var profile = rules.Profile(CharacterClass.Mage, 1, rules.Stats(CharacterClass.Mage, 1, []), party);

        Assert.Equal((1, CharacterClass.Mage, 60 + (6 * 4), 80 + (14 * 4), 14, 1, party),
            (profile.Level, profile.Class, profile.MaxHealth, profile.MaxResource, profile.Power, profile.Armor, profile.PartyId));
        Assert.Equal(["strike", "fireball"], profile.Abilities);
    }

    [Fact]
    public void Stats_WhenTheContentLacksTheClass_FallBackToPlainStatsInsteadOfThrowing()
    {
        var bare = new ProgressionRules(new ContentCatalog(
            FrozenDictionary<string, ZoneDefinition>.Empty, FrozenDictionary<string, MonsterDefinition>.Empty,
            FrozenDictionary<string, ItemDefinition>.Empty, FrozenDictionary<string, AbilityDefinition>.Empty));

        var stats = bare.Stats(CharacterClass.Cleric, 3, []);
        var profile = bare.Profile(CharacterClass.Cleric, 3, stats, null);

        // 5 in each stat but armor, +1 stamina and +1 intellect (a cleric's power stat) per level; 80 + 5 per stamina, 60 + 3 per intellect.
        Assert.Equal(new CharacterStats(5, 5, 7, 7, 0, MaxHealth: 115, MaxResource: 81, Power: 7), stats);
        Assert.Empty(profile.Abilities);
    }

    [Fact]
    public void ClassId_IsTheClassNameInLowerCase() =>
        Assert.Equal(["warrior", "ranger", "mage", "cleric"], Enum.GetValues<CharacterClass>().Select(ProgressionRules.ClassId));
}
