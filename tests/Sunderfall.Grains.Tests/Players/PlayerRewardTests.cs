using Sunderfall.Grains.Interfaces.Inventory;
using Sunderfall.Grains.Interfaces.Players;
using Sunderfall.Grains.Tests.Rewards;
using Sunderfall.Grains.Tests.Zones;
using Sunderfall.Grains.Transactions;
using Xunit;

namespace Sunderfall.Grains.Tests.Players;

[Collection(ClusterCollectionDefinition.Name)]
public sealed class PlayerRewardTests(ClusterFixture fixture)
{
    private readonly IClusterClient client = fixture.Client;

    [Fact]
    public async Task GetSheetAsync_ForANewCharacter_ShowsLevelOneNoGoldAnEmptyBagAndNothingWorn()
    {
        var (id, player) = await CreateAsync(CharacterClass.Ranger);

        var sheet = (await player.GetSheetAsync())!;

        // classes.json: ranger 5/12/4/8/3, health 80 + 5 per stamina, resource 60 + 1 per intellect, power from agility.
        Assert.Equal((id, 1, 0L, 100L, 0L), (sheet.Id, sheet.Level, sheet.Experience, sheet.ExperienceToNextLevel, sheet.Gold));
        Assert.Equal(new CharacterStats(5, 12, 4, 8, 3, MaxHealth: 120, MaxResource: 64, Power: 12), sheet.Stats);
        Assert.Equal(24, sheet.BagCapacity);
        Assert.Empty(sheet.Bag);
        Assert.Empty(sheet.Equipped);
        Assert.Empty(sheet.Overflow ?? []);
    }

    [Fact]
    public async Task CollectRewardsAsync_AppliesTheExperienceGoldAndItemsOfACommittedGrantAndMarksItDelivered()
    {
        var (id, player) = await CreateAsync(CharacterClass.Ranger);
        var grant = Grants.For(id, experience: 50, gold: 7, new ItemCount("wolf-pelt", 3), new ItemCount("minor-potion", 2));

        var sheet = await Grants.GiveAsync(player, grant);

        Assert.Equal((1, 50L, 7L), (sheet.Level, sheet.Experience, sheet.Gold));
        Assert.Equal([new InventoryItem(0, "wolf-pelt", 3), new InventoryItem(1, "minor-potion", 2)], sheet.Bag);
        Assert.Empty(await InMemoryRewardLedger.Shared.PendingGrantsAsync(id));
        Assert.Equal(1, InMemoryRewardLedger.Shared.DeliveredMarks[grant.GrantId]);
    }

    [Fact]
    public async Task CollectRewardsAsync_FromManyTasksAtOnce_AppliesTheGrantOnce()
    {
        var (id, player) = await CreateAsync(CharacterClass.Mage);
        var grant = Grants.For(id, experience: 30, gold: 10, new ItemCount("wolf-pelt", 1));
        await Grants.CommitAsync(InMemoryRewardLedger.Shared, grant);

        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(player.CollectRewardsAsync)));
        await Grants.WaitUntilMarkedAsync(InMemoryRewardLedger.Shared, grant);
        await Grants.AfterQueuedCallsAsync(player);
        var sheet = (await player.GetSheetAsync())!;

        Assert.Equal((30L, 10L), (sheet.Experience, sheet.Gold));
        Assert.Equal([new InventoryItem(0, "wolf-pelt", 1)], sheet.Bag);
        Assert.Equal(1, InMemoryRewardLedger.Shared.DeliveredMarks[grant.GrantId]);
        Assert.Single(InMemoryRewardLedger.Shared.LoggedOf(id), e => e.Kind == TransactionKinds.RewardApplied);
    }

    [Fact]
    public async Task CollectRewardsAsync_WithExperienceForSeveralLevels_RaisesTheLevelTheStatsAndTheCombatProfile()
    {
        var (id, player) = await CreateAsync(CharacterClass.Warrior);

        var sheet = await Grants.GiveAsync(player, Grants.For(id, experience: 100 + 283 + 10));
        var profile = (await player.GetCombatProfileAsync())!;

        // Level 3: two levels of +2 strength and +2 stamina; health 100 + 6 per stamina.
        Assert.Equal((3, 10L, 520L), (sheet.Level, sheet.Experience, sheet.ExperienceToNextLevel));
        Assert.Equal((16, 16, 196), (sheet.Stats.Strength, sheet.Stats.Stamina, sheet.Stats.MaxHealth));
        Assert.Equal((3, 196, 16), (profile.Level, profile.MaxHealth, profile.Power));
        Assert.Equal(3, (await player.GetAsync())!.Level);
    }

    [Fact]
    public async Task CollectRewardsAsync_LogsEachAppliedRewardAndEachLevelUp()
    {
        var (id, player) = await CreateAsync(CharacterClass.Cleric);
        var small = Grants.For(id, experience: 40, gold: 3);
        var large = Grants.For(id, experience: 70, gold: 5, new ItemCount("boar-tusk", 2));
        await Grants.CommitAsync(InMemoryRewardLedger.Shared, small);
        await Grants.CommitAsync(InMemoryRewardLedger.Shared, large);

        await player.CollectRewardsAsync();
        await Grants.WaitUntilMarkedAsync(InMemoryRewardLedger.Shared, large);
        var entries = InMemoryRewardLedger.Shared.LoggedOf(id);

        var applied = entries.Where(e => e.Kind == TransactionKinds.RewardApplied).ToList();
        Assert.Equal([small.EncounterId, large.EncounterId], applied.Select(e => e.EncounterId));
        Assert.Equal([3L, 5L], applied.Select(e => (long)e.Details!["gold"]!));
        var levelUp = Assert.Single(entries, e => e.Kind == TransactionKinds.LevelUp);
        Assert.Equal((large.EncounterId, 1, 2), (levelUp.EncounterId!.Value, (int)levelUp.Details!["from"]!, (int)levelUp.Details["to"]!));
    }

    [Fact]
    public async Task CollectRewardsAsync_WhileInTheWorld_SendsTheFrontendEachRewardWithTheNewSheet()
    {
        using var frontend = new TestFrontend(client);
        var (id, player) = await CreateAsync(CharacterClass.Ranger);
        await frontend.EnterAsync(player);
        var grant = Grants.For(id, experience: 120, gold: 4);

        await Grants.GiveAsync(player, grant);
        var told = await frontend.WaitForEventAsync(id, "RewardGranted event", e => e.Kind == PlayerEventKind.RewardGranted);

        Assert.Equal(grant.GrantId, told.Reward?.GrantId);
        Assert.Equal((2, 20L, 4L), (told.Sheet!.Level, told.Sheet.Experience, told.Sheet.Gold));
        await player.LeaveWorldAsync();
    }

    [Fact]
    public async Task EnterWorldAsync_AppliesGrantsCommittedWhileTheCharacterWasAway()
    {
        using var frontend = new TestFrontend(client);
        var (id, player) = await CreateAsync(CharacterClass.Mage);
        var grant = Grants.For(id, gold: 12, items: new ItemCount("bog-moss", 4));
        await Grants.CommitAsync(InMemoryRewardLedger.Shared, grant);

        var entered = await frontend.EnterAsync(player);
        var sheet = (await player.GetSheetAsync())!;

        Assert.True(entered.IsSuccess, entered.Error?.Message);
        Assert.Equal(12L, sheet.Gold);
        Assert.Equal([new InventoryItem(0, "bog-moss", 4)], sheet.Bag);
        Assert.Equal(1, InMemoryRewardLedger.Shared.DeliveredMarks[grant.GrantId]);
        await frontend.WaitForEventAsync(id, "RewardGranted event", e => e.Kind == PlayerEventKind.RewardGranted && e.Reward?.GrantId == grant.GrantId);
        await player.LeaveWorldAsync();
    }

    [Fact]
    public async Task CollectRewardsAsync_WhenTheBagIsFull_KeepsTheRestInTheOverflowUntilASlotFrees()
    {
        var (id, player) = await CreateAsync(CharacterClass.Warrior);

        // Swords do not stack: 25 of them need one slot more than the bag has.
        var full = await Grants.GiveAsync(player, Grants.For(id, items: new ItemCount("rusty-sword", 25)));
        var freed = await player.DiscardAsync(0, 1);

        Assert.Equal(24, full.Bag.Count);
        Assert.Equal([new ItemCount("rusty-sword", 1)], full.Overflow!);
        Assert.True(freed.IsSuccess, freed.Error?.Message);
        Assert.Equal(24, freed.Value!.Bag.Count);
        Assert.Equal(new InventoryItem(0, "rusty-sword", 1), freed.Value.Bag[0]);
        Assert.Empty(freed.Value.Overflow ?? []);
    }

    private async Task<(Guid Id, IPlayerGrain Player)> CreateAsync(CharacterClass characterClass)
    {
        var id = Guid.NewGuid();
        var player = client.GetGrain<IPlayerGrain>(id);
        var created = await player.CreateAsync(new CreateCharacterRequest(TestWorld.UniqueName(), characterClass, TestWorld.Owner));
        Assert.True(created.IsSuccess, created.Error?.Message);
        return (id, player);
    }
}
