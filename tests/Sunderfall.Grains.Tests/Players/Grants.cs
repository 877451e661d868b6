using Sunderfall.Grains.Interfaces.Inventory;
using Sunderfall.Grains.Interfaces.Players;
using Sunderfall.Grains.Interfaces.Rewards;
using Sunderfall.Grains.Rewards;
using Sunderfall.Grains.Tests.Rewards;
using Xunit;
using Xunit.Sdk;

namespace Sunderfall.Grains.Tests.Players;

/// <summary>
/// Rewards as the encounter grain gives them: committed to a ledger first, then collected by the player grain. The
/// only way a test character gets experience, gold or items.
/// </summary>
public static class Grants
{
    public static RewardGrant For(Guid playerId, long experience = 0, long gold = 0, params ItemCount[] items) =>
        new(Guid.NewGuid(), playerId, experience, gold, items, DateTimeOffset.UtcNow);

    /// <summary>Commits the grant as one encounter's only grant.</summary>
    public static async Task CommitAsync(IRewardLedger ledger, RewardGrant grant)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(grant);
        var committed = await ledger.CommitAsync(new EncounterCommit(grant.EncounterId, TestWorld.StartInstance, grant.At, "{}", [grant]));
        Assert.True(committed, $"encounter {grant.EncounterId} was committed before");
    }

    /// <summary>Commits the grant to the test silos' ledger, has the player collect it and returns the sheet after.</summary>
    public static async Task<CharacterSheet> GiveAsync(IPlayerGrain player, RewardGrant grant)
    {
        ArgumentNullException.ThrowIfNull(player);
        await CommitAsync(InMemoryRewardLedger.Shared, grant);
        await player.CollectRewardsAsync();
        await WaitUntilMarkedAsync(InMemoryRewardLedger.Shared, grant);
        return (await player.GetSheetAsync())!;
    }

    /// <summary>Waits until the player grain marked the grant delivered (it has then applied and saved it).</summary>
    public static async Task WaitUntilMarkedAsync(InMemoryRewardLedger ledger, RewardGrant grant)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(grant);
        var marked = await Eventually.FindAsync(() => ledger.DeliveredMarks.ContainsKey(grant.GrantId) ? grant : null, TestWorld.Patience);
        if (marked is null)
        {
            throw new XunitException($"grant {grant.GrantId} was not marked delivered within {TestWorld.Patience.TotalSeconds} s");
        }
    }

    /// <summary>
    /// Returns once the calls sent to the player before have run: a refused discard is not interleaved (it queues
    /// behind them) and changes nothing.
    /// </summary>
    public static async Task AfterQueuedCallsAsync(IPlayerGrain player)
    {
        ArgumentNullException.ThrowIfNull(player);
        await player.DiscardAsync(-1, 1);
    }
}
