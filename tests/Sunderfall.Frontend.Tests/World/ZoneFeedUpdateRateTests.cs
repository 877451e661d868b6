using Sunderfall.Frontend.World;
using Sunderfall.Grains.Interfaces.Zones;
using Xunit;

namespace Sunderfall.Frontend.Tests.World;

/// <summary>Which zone batches send every client its delta when the frontend updates the world every other tick.</summary>
public sealed class ZoneFeedUpdateRateTests
{
    private static readonly IReadOnlyDictionary<Guid, long> NoAcks = new Dictionary<Guid, long>();

    private static readonly ZoneEntityState Wolf = new(7, EntityKind.Monster, "wolf", 10, 10, 30, 30, Guid.Empty);

    private static ZoneTickBatch Batch(long tick, bool full = false, ZoneEntityState[]? spawned = null, ZoneMotion[]? moved = null, int[]? despawned = null) =>
        new("z/1", tick, tick, full, spawned ?? [], moved ?? [], despawned ?? [], [], NoAcks);

    [Theory]
    [InlineData(10, true)]
    [InlineData(11, false)]
    public void ABatchThatMovesSomething_GoesToEveryoneOnlyOnUpdateTicks(long tick, bool expected) =>
        Assert.Equal(expected, ZoneFeed.SendsToEveryone(Batch(tick, moved: [new ZoneMotion(7, 11, 10, 30)]), everyTicks: 2));

    [Fact]
    public void SpawnsAndDespawnsOnAnOffTick_WaitForTheNextBatch()
    {
        Assert.False(ZoneFeed.SendsToEveryone(Batch(11, spawned: [Wolf]), everyTicks: 2));
        Assert.False(ZoneFeed.SendsToEveryone(Batch(13, despawned: [7]), everyTicks: 3));
    }

    [Fact]
    public void AFullBatchOnAnOffTick_GoesToEveryone()
    {
        // A zone re-activated after its silo died starts over with a full batch; its clients must not keep the old world.
        Assert.True(ZoneFeed.SendsToEveryone(Batch(1, full: true, spawned: [Wolf]), everyTicks: 2));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    public void AStillBatchOnAnOffTick_GoesToEveryone_SoNothingHeldBackIsLost(int everyTicks) =>
        Assert.True(ZoneFeed.SendsToEveryone(Batch(11), everyTicks));

    [Fact]
    public void EveryBatch_GoesToEveryone_WhenTheRateIsEveryTick() =>
        Assert.True(ZoneFeed.SendsToEveryone(Batch(11, moved: [new ZoneMotion(7, 11, 10, 30)]), everyTicks: 1));
}
