using Sunderfall.Grains.Interfaces.Inventory;
using Sunderfall.Grains.Interfaces.Parties;
using Sunderfall.Grains.Interfaces.Players;
using Sunderfall.Grains.Interfaces.Rewards;
using Sunderfall.Grains.Transactions;
using Xunit;
using Xunit.Sdk;

namespace Sunderfall.Grains.Tests.Players;

/// <summary>What happens to a grant when delivery goes wrong between saving the character and marking the grant.</summary>
[Collection(FlakyLedgerCollectionDefinition.Name)]
public sealed class PlayerRewardRecoveryTests(FlakyLedgerClusterFixture fixture)
{
    private readonly IClusterClient client = fixture.Client;
    private readonly FlakyRewardLedger ledger = FlakyRewardLedger.Shared;

    [Fact]
    public async Task CollectRewardsAsync_WhenTheMarkWasLost_DoesNotApplyTheGrantTwice()
    {
        var (id, player) = await CreateAsync();
        var grant = Grants.For(id, experience: 60, gold: 9, new ItemCount("wolf-pelt", 2));
        await Grants.CommitAsync(ledger, grant);
        ledger.LoseNextMarkOf(id);

        await CollectUntilTheMarkIsLostAsync(player, grant);
        var afterLostMark = (await player.GetSheetAsync())!;
        await player.CollectRewardsAsync();
        await Grants.WaitUntilMarkedAsync(ledger.Inner, grant);
        var afterRedelivery = (await player.GetSheetAsync())!;

        Assert.Equal((60L, 9L), (afterLostMark.Experience, afterLostMark.Gold));
        Assert.Equivalent(afterLostMark, afterRedelivery, strict: true);
        Assert.Equal([new InventoryItem(0, "wolf-pelt", 2)], afterRedelivery.Bag);
        Assert.Empty(await ledger.Inner.PendingGrantsAsync(id));
        Assert.Single(ledger.Inner.LoggedOf(id), e => e.Kind == TransactionKinds.RewardApplied);
    }

    [Fact]
    public async Task CollectRewardsAsync_WhenTheMarkWasLostAndTheActivationWithIt_RecognisesTheGrantFromTheSavedCharacter()
    {
        var (id, player) = await CreateAsync();
        // The party lives only in the activation's memory: once it is gone, the activation was replaced.
        await player.OnPartyChangedAsync(new PartySnapshot(Guid.NewGuid(), id, [new PartyMember(id, "Solo")], 5));
        await Eventually.AskUntilFoundAsync(async () => (await player.GetCombatProfileAsync())?.PartyId is not null ? "in party" : null, TestWorld.Patience);
        var grant = Grants.For(id, experience: 150, gold: 11);
        await Grants.CommitAsync(ledger, grant);
        ledger.LoseNextMarkOf(id);

        await CollectUntilTheMarkIsLostAsync(player, grant);
        var afterLostMark = (await player.GetSheetAsync())!;
        await ReplaceTheActivationAsync(player);
        await player.CollectRewardsAsync();
        await Grants.WaitUntilMarkedAsync(ledger.Inner, grant);
        var afterRedelivery = (await player.GetSheetAsync())!;

        Assert.Equal((2, 50L, 11L), (afterLostMark.Level, afterLostMark.Experience, afterLostMark.Gold));
        Assert.Equivalent(afterLostMark, afterRedelivery, strict: true);
        Assert.Equal(1, ledger.Inner.DeliveredMarks[grant.GrantId]);
        // Logged once, by the delivery that marked the grant, from what the lost activation saved with the character.
        var applied = Assert.Single(ledger.Inner.LoggedOf(id), e => e.Kind == TransactionKinds.RewardApplied);
        Assert.Equal((grant.EncounterId, 2), (applied.EncounterId!.Value, (int)applied.Details!["level"]!));
        var levelUp = Assert.Single(ledger.Inner.LoggedOf(id), e => e.Kind == TransactionKinds.LevelUp);
        Assert.Equal((1, 2), ((int)levelUp.Details!["from"]!, (int)levelUp.Details["to"]!));
    }

    [Fact]
    public async Task CollectRewardsAsync_ForACharacterThatDoesNotExist_LeavesTheGrantUndelivered()
    {
        var id = Guid.NewGuid();
        var player = client.GetGrain<IPlayerGrain>(id);
        var grant = Grants.For(id, gold: 5);
        await Grants.CommitAsync(ledger, grant);

        await player.CollectRewardsAsync();
        await Eventually.FindAsync(() => ledger.PendingReads.ContainsKey(id) ? "read" : null, TestWorld.Patience);
        await Grants.AfterQueuedCallsAsync(player);

        Assert.True(ledger.PendingReads.ContainsKey(id), "the player grain never read its pending grants");
        Assert.Equal([grant.GrantId], (await ledger.Inner.PendingGrantsAsync(id)).Select(g => g.GrantId));
        Assert.False(ledger.Inner.DeliveredMarks.ContainsKey(grant.GrantId));
        Assert.Null(await player.GetAsync());
        Assert.Null(await player.GetSheetAsync());
    }

    private async Task<(Guid Id, IPlayerGrain Player)> CreateAsync()
    {
        var id = Guid.NewGuid();
        var player = client.GetGrain<IPlayerGrain>(id);
        var created = await player.CreateAsync(new CreateCharacterRequest(TestWorld.UniqueName(), CharacterClass.Ranger, TestWorld.Owner));
        Assert.True(created.IsSuccess, created.Error?.Message);
        return (id, player);
    }

    private async Task CollectUntilTheMarkIsLostAsync(IPlayerGrain player, RewardGrant grant)
    {
        await player.CollectRewardsAsync();
        var lost = await Eventually.FindAsync(() => ledger.LostMarks.Contains(grant.GrantId) ? grant : null, TestWorld.Patience);
        if (lost is null)
        {
            throw new XunitException($"the player grain never tried to mark grant {grant.GrantId}");
        }

        await Grants.AfterQueuedCallsAsync(player);
    }

    /// <summary>Has the silo collect idle activations until the player's in-memory party is gone.</summary>
    private async Task ReplaceTheActivationAsync(IPlayerGrain player)
    {
        var management = client.GetGrain<IManagementGrain>(0);
        var replaced = await Eventually.AskUntilFoundAsync(
            async () =>
            {
                await management.ForceActivationCollection(TimeSpan.Zero);
                return (await player.GetCombatProfileAsync())?.PartyId is null ? "replaced" : null;
            },
            TestWorld.Patience);
        Assert.NotNull(replaced);
    }
}
