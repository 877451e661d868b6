using Sunderfall.Frontend.World;
using Sunderfall.Grains.Interfaces.Zones;
using Sunderfall.Protocol.Sync;
using Xunit;

namespace Sunderfall.Frontend.Tests.World;

public sealed class ZoneMirrorTests
{
    private static readonly IReadOnlyDictionary<Guid, long> NoAcks = new Dictionary<Guid, long>();

    private static ZoneEntityState Entity(int netId, float x, float y) =>
        new(netId, Grains.Interfaces.Zones.EntityKind.Player, $"p{netId}", x, y, 100, 100, Guid.NewGuid());

    private static ZoneTickBatch Batch(long sequence, bool full, ZoneEntityState[] spawned, ZoneMotion[] moved, int[] despawned) =>
        new("z/1", sequence * 10, sequence, full, spawned, moved, despawned, [], NoAcks);

    [Fact]
    public void Apply_FollowingBatches_TracksSpawnsMovesAndDespawns()
    {
        var mirror = new ZoneMirror("z/1", 60f);

        Assert.True(mirror.Apply(Batch(1, true, [Entity(1, 10, 10), Entity(2, 20, 20)], [], [])));
        Assert.True(mirror.Apply(Batch(2, false, [Entity(3, 30, 30)], [new ZoneMotion(1, 11, 12, 90)], [2])));

        Assert.Equal(2, mirror.Count);
        Assert.True(mirror.TryGet(1, out var moved));
        Assert.Equal((11f, 12f, 90), (moved.X, moved.Y, moved.Health));
        Assert.False(mirror.TryGet(2, out _));
        var near = new List<VisibleEntity>();
        mirror.Query(10, 10, 5, near);
        Assert.Equal([1], near.Select(e => e.NetId));
    }

    [Fact]
    public void Apply_AfterAGap_RefusesDeltasUntilAFullBatchArrives()
    {
        var mirror = new ZoneMirror("z/1", 60f);
        mirror.Apply(Batch(1, true, [Entity(1, 10, 10)], [], []));

        Assert.False(mirror.Apply(Batch(3, false, [], [new ZoneMotion(1, 50, 50, 100)], [])));
        Assert.False(mirror.Apply(Batch(4, false, [], [new ZoneMotion(1, 60, 60, 100)], [])));
        Assert.True(mirror.Apply(Batch(5, true, [Entity(1, 70, 70)], [], [])));

        Assert.True(mirror.TryGet(1, out var entity));
        Assert.Equal((70f, 70f), (entity.X, entity.Y));
        Assert.Equal(5, mirror.Sequence);
    }

    [Fact]
    public void Apply_BeforeAnyFullBatch_IsRefused()
    {
        var mirror = new ZoneMirror("z/1", 60f);

        Assert.False(mirror.Apply(Batch(1, false, [Entity(1, 10, 10)], [], [])));
        Assert.Equal(0, mirror.Count);
    }
}
