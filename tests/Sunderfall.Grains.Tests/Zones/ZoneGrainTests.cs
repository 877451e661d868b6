using Sunderfall.Grains.Interfaces.Common;
using Sunderfall.Grains.Interfaces.Players;
using Sunderfall.Grains.Interfaces.Zones;
using Xunit;

namespace Sunderfall.Grains.Tests.Zones;

[Collection(ClusterCollectionDefinition.Name)]
public sealed class ZoneGrainTests(ClusterFixture fixture)
{
    private readonly IClusterClient client = fixture.Client;

    [Fact]
    public async Task JoinAsync_ReturnsTheZoneAndARosterHoldingThePlayer()
    {
        using var frontend = new TestFrontend(client);
        var zoneId = TestWorld.UniqueZoneId();
        var playerId = Guid.NewGuid();
        var position = new WorldPosition(120f, 80f);

        var entry = await client.GetGrain<IZoneGrain>(zoneId)
            .JoinAsync(new ZoneJoinRequest(playerId, "Aldric", position, frontend.Id, frontend.Reference, WorldSession: 1));

        Assert.True(entry.IsSuccess, entry.Error?.Message);
        Assert.Equal(zoneId, entry.Value!.ZoneId);
        Assert.Equal(playerId, entry.Value.SelfId);
        Assert.Equal((TestWorld.ZoneWidth, TestWorld.ZoneHeight), (entry.Value.Width, entry.Value.Height));
        Assert.Equal(new ZoneEntitySnapshot(playerId, "Aldric", position), Assert.Single(entry.Value.Entities));
    }

    [Fact]
    public async Task JoinAsync_WhenASecondPlayerJoins_ItsRosterHoldsBothPlayers()
    {
        using var frontend = new TestFrontend(client);
        var zone = client.GetGrain<IZoneGrain>(TestWorld.UniqueZoneId());
        var first = new ZoneJoinRequest(Guid.NewGuid(), "First", new WorldPosition(10f, 10f), frontend.Id, frontend.Reference, WorldSession: 1);
        var second = new ZoneJoinRequest(Guid.NewGuid(), "Second", new WorldPosition(20f, 20f), frontend.Id, frontend.Reference, WorldSession: 1);

        await zone.JoinAsync(first);
        var entry = await zone.JoinAsync(second);

        Assert.Equal(
            new HashSet<Guid> { first.PlayerId, second.PlayerId },
            entry.Value!.Entities.Select(e => e.Id).ToHashSet());
    }

    [Fact]
    public async Task MoveAsync_ByOnePlayer_ReachesTheOtherPlayersFrontendAsABatch()
    {
        using var moversFrontend = new TestFrontend(client);
        using var watchersFrontend = new TestFrontend(client);
        var zoneId = TestWorld.UniqueZoneId();
        var zone = client.GetGrain<IZoneGrain>(zoneId);
        var mover = Guid.NewGuid();
        var start = new WorldPosition(300f, 300f);
        await zone.JoinAsync(new ZoneJoinRequest(mover, "Mover", start, moversFrontend.Id, moversFrontend.Reference, WorldSession: 1));
        await zone.JoinAsync(new ZoneJoinRequest(Guid.NewGuid(), "Watcher", new WorldPosition(310f, 300f), watchersFrontend.Id, watchersFrontend.Reference, WorldSession: 1));

        // Within the slack alone, so the move is valid however little time has passed since joining.
        var target = new WorldPosition(start.X + (TestWorld.MoveSlack / 2), start.Y);
        var moved = await zone.MoveAsync(mover, target);
        var batch = await watchersFrontend.WaitForChangeAsync(zoneId, new ZoneEntitySnapshot(mover, "Mover", target));

        Assert.Null(moved.Error);
        Assert.Equal(target, moved.Position);
        Assert.NotNull(batch);
    }

    [Fact]
    public async Task MoveAsync_WhenFasterThanTheSpeedLimit_IsRefusedAndThePlayerStaysWhereItWas()
    {
        using var frontend = new TestFrontend(client);
        var zone = client.GetGrain<IZoneGrain>(TestWorld.UniqueZoneId());
        var playerId = Guid.NewGuid();
        var start = new WorldPosition(100f, 100f);
        await zone.JoinAsync(new ZoneJoinRequest(playerId, "Sprinter", start, frontend.Id, frontend.Reference, WorldSession: 1));

        // Far beyond anything the limit can credit (at most one second of idle time plus the slack).
        var refused = await zone.MoveAsync(playerId, new WorldPosition(900f, 700f));
        var seenByNewcomer = await zone.JoinAsync(new ZoneJoinRequest(Guid.NewGuid(), "Newcomer", new WorldPosition(50f, 50f), frontend.Id, frontend.Reference, WorldSession: 1));

        Assert.Equal(GameErrorCode.MoveRejected, refused.Error?.Code);
        Assert.Contains("units/s", refused.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(start, refused.Position);
        Assert.Equal(start, seenByNewcomer.Value!.Entities.Single(e => e.Id == playerId).Position);
    }

    [Fact]
    public async Task MoveAsync_OutsideTheZone_IsRefusedAsInvalidArgument()
    {
        using var frontend = new TestFrontend(client);
        var zone = client.GetGrain<IZoneGrain>(TestWorld.UniqueZoneId());
        var playerId = Guid.NewGuid();
        var start = new WorldPosition(0.2f, 0.2f);
        await zone.JoinAsync(new ZoneJoinRequest(playerId, "Edgewalker", start, frontend.Id, frontend.Reference, WorldSession: 1));

        var refused = await zone.MoveAsync(playerId, new WorldPosition(-0.3f, 0.2f));

        Assert.Equal(GameErrorCode.InvalidArgument, refused.Error?.Code);
        Assert.Equal(start, refused.Position);
    }

    [Fact]
    public async Task MoveAsync_ByAPlayerNotInTheZone_ReturnsNotInZone()
    {
        var result = await client.GetGrain<IZoneGrain>(TestWorld.UniqueZoneId()).MoveAsync(Guid.NewGuid(), new WorldPosition(10f, 10f));

        Assert.Equal(GameErrorCode.NotInZone, result.Error?.Code);
    }

    [Fact]
    public async Task LeaveWorldAsync_SavesTheLastPositionSoGetAsyncShowsIt()
    {
        using var frontend = new TestFrontend(client);
        var playerId = Guid.NewGuid();
        var player = client.GetGrain<IPlayerGrain>(playerId);
        await player.CreateAsync(new CreateCharacterRequest(TestWorld.UniqueName(), CharacterClass.Warrior));
        var entry = await player.EnterWorldAsync(frontend.Id, frontend.Reference);
        var zone = client.GetGrain<IZoneGrain>(TestWorld.StartZone);
        var target = new WorldPosition(TestWorld.SpawnX + (TestWorld.MoveSlack / 2), TestWorld.SpawnY);

        var moved = await zone.MoveAsync(playerId, target);
        var left = await player.LeaveWorldAsync();
        var saved = await player.GetAsync();
        var moveAfterLeaving = await zone.MoveAsync(playerId, target);

        Assert.True(entry.IsSuccess, entry.Error?.Message);
        Assert.Contains(entry.Value!.Entities, e => e.Id == playerId);
        Assert.Null(moved.Error);
        Assert.Equal(target, left.Value?.Position);
        Assert.Equal(target, saved?.Position);
        Assert.Equal(GameErrorCode.NotInZone, moveAfterLeaving.Error?.Code);
    }

    [Fact]
    public async Task SubscribeAsync_WithAPlayerTheZoneLostButWhoseCharacterIsThere_RestoresIt()
    {
        using var frontend = new TestFrontend(client);
        var playerId = Guid.NewGuid();
        var name = TestWorld.UniqueName();
        var player = client.GetGrain<IPlayerGrain>(playerId);
        await player.CreateAsync(new CreateCharacterRequest(name, CharacterClass.Cleric));
        await player.EnterWorldAsync(frontend.Id, frontend.Reference);
        var zone = client.GetGrain<IZoneGrain>(TestWorld.StartZone);
        var target = new WorldPosition(TestWorld.SpawnX, TestWorld.SpawnY + (TestWorld.MoveSlack / 2));

        // The character is in the world by its saved state, but the zone forgets it (called directly, not through
        // the player): as after a zone re-activated on another silo while the frontend still served the player.
        await zone.LeaveAsync(playerId);
        var beforeSubscribe = await zone.MoveAsync(playerId, target);
        await zone.SubscribeAsync(frontend.Id, frontend.Reference, [playerId]);
        var afterSubscribe = await zone.MoveAsync(playerId, target);
        var batch = await frontend.WaitForChangeAsync(TestWorld.StartZone, new ZoneEntitySnapshot(playerId, name, target));

        Assert.Equal(GameErrorCode.NotInZone, beforeSubscribe.Error?.Code);
        Assert.Null(afterSubscribe.Error);
        Assert.Equal(target, afterSubscribe.Position);
        Assert.NotNull(batch);
    }

    [Fact]
    public async Task SubscribeAsync_WithAPlayerWhoseCharacterIsInAnotherZone_DoesNotAddIt()
    {
        using var frontend = new TestFrontend(client);
        var playerId = Guid.NewGuid();
        await client.GetGrain<IPlayerGrain>(playerId).CreateAsync(new CreateCharacterRequest(TestWorld.UniqueName(), CharacterClass.Cleric));
        var otherZone = client.GetGrain<IZoneGrain>(TestWorld.UniqueZoneId());

        await otherZone.SubscribeAsync(frontend.Id, frontend.Reference, [playerId]);
        var move = await otherZone.MoveAsync(playerId, new WorldPosition(TestWorld.SpawnX, TestWorld.SpawnY));

        Assert.Equal(GameErrorCode.NotInZone, move.Error?.Code);
    }
}
