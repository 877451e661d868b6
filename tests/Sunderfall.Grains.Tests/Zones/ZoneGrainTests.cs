using Sunderfall.Grains.Interfaces.Common;
using Sunderfall.Grains.Interfaces.Players;
using Sunderfall.Grains.Interfaces.Zones;
using Sunderfall.Grains.Zones;
using Xunit;

namespace Sunderfall.Grains.Tests.Zones;

/// <summary>
/// The zone on the test cluster, driven as the frontend drives it: through the player grain and the zone's own
/// methods, observed through tick batches. Every test's players share Ashen Vale's first channel, so each test looks
/// only at its own players' net ids and notices.
/// </summary>
[Collection(ClusterCollectionDefinition.Name)]
public sealed class ZoneGrainTests(ClusterFixture fixture)
{
    private readonly IClusterClient client = fixture.Client;

    private IZoneGrain StartZone => client.GetGrain<IZoneGrain>(TestWorld.StartInstance);

    [Fact]
    public async Task EnterWorldAsync_SendsTheFrontendAFullFirstBatchWithAnArrivedNoticeCarryingTheEntry()
    {
        using var frontend = new TestFrontend(client);
        var playerId = Guid.NewGuid();
        var player = await CreateCharacterAsync(playerId);
        var template = RepositoryContent.Catalog.Zones[TestWorld.StartZone];

        var entered = await frontend.EnterAsync(player);
        var first = await frontend.WaitForBatchAsync("sequence 1", b => b.ZoneId == TestWorld.StartInstance && b.Sequence == 1);

        Assert.True(entered.IsSuccess, entered.Error?.Message);
        var entry = entered.Value!;
        Assert.Equal(
            new ZoneEntrySnapshot(TestWorld.StartInstance, TestWorld.StartZone, template.Width, template.Height, entry.SelfNetId, template.ViewRadius, (float)TestWorld.TickInterval.TotalMilliseconds),
            entry);
        Assert.True(first.Full);
        var arrived = Assert.Single(first.Notices, n => n.PlayerId == playerId && n.Kind == PlayerNoticeKind.Arrived);
        Assert.Equal(new PlayerNotice(playerId, PlayerNoticeKind.Arrived, entry.SelfNetId, TestWorld.Spawn, null, entry), arrived);
        var self = Assert.Single(first.Spawned, e => e.NetId == entry.SelfNetId);
        Assert.Equal((EntityKind.Player, playerId, TestWorld.Spawn), (self.Kind, self.PlayerId, new WorldPosition(self.X, self.Y)));
        await player.LeaveWorldAsync();
    }

    [Fact]
    public async Task SubmitInputsAsync_WalkingEast_MovesThePlayerEastInLaterBatchesAndAcksTheInput()
    {
        using var frontend = new TestFrontend(client);
        var playerId = Guid.NewGuid();
        var player = await CreateCharacterAsync(playerId);
        var self = (await frontend.EnterAsync(player)).Value!.SelfNetId;

        var refused = await StartZone.SubmitOneAsync(playerId, new MoveInput(1, 1f, 0f));
        var acked = await frontend.WaitForBatchAsync("an ack of input 1", b => Acked(b, playerId) == 1);
        await Eventually.FindAsync(() => MotionsOf(frontend, self) is { Count: >= 3 } m ? m : null, TestWorld.Patience);
        var motions = MotionsOf(frontend, self);
        await StartZone.SubmitOneAsync(playerId, new MoveInput(2, 0f, 0f));

        Assert.Null(refused);
        Assert.Equal(TestWorld.StartInstance, acked.ZoneId);
        Assert.True(motions.Count >= 3, $"only {motions.Count} motions of the player arrived");
        Assert.All(motions, m => Assert.Equal(TestWorld.Spawn.Y, m.Y));
        Assert.True(motions[0].X > TestWorld.Spawn.X, $"first motion at x = {motions[0].X}, not east of the spawn");
        Assert.All(motions.Zip(motions.Skip(1)), pair => Assert.True(pair.Second.X > pair.First.X, $"x went from {pair.First.X} to {pair.Second.X}"));
        await player.LeaveWorldAsync();
    }

    [Fact]
    public async Task EnterWorldAsync_ThroughASecondFrontend_GivesItAFullBatchWithBothPlayersAndEveryMonster()
    {
        using var firstFrontend = new TestFrontend(client);
        using var secondFrontend = new TestFrontend(client);
        var first = await CreateCharacterAsync();
        var second = await CreateCharacterAsync();
        var firstNetId = (await firstFrontend.EnterAsync(first)).Value!.SelfNetId;
        var secondNetId = (await secondFrontend.EnterAsync(second)).Value!.SelfNetId;

        var full = await secondFrontend.WaitForBatchAsync("sequence 1", b => b.ZoneId == TestWorld.StartInstance && b.Sequence == 1);

        var monsters = RepositoryContent.Catalog.Zones[TestWorld.StartZone].SpawnPoints.Sum(p => p.Count);
        Assert.True(full.Full);
        Assert.Contains(full.Spawned, e => e.NetId == firstNetId && e.Kind == EntityKind.Player);
        Assert.Contains(full.Spawned, e => e.NetId == secondNetId && e.Kind == EntityKind.Player);
        Assert.Equal(monsters, full.Spawned.Count(e => e.Kind == EntityKind.Monster));
        await first.LeaveWorldAsync();
        await second.LeaveWorldAsync();
    }

    [Fact]
    public async Task SubmitInputsAsync_ByOnePlayer_IsSeenByAnotherFrontendWithoutItsAcks()
    {
        using var moversFrontend = new TestFrontend(client);
        using var watchersFrontend = new TestFrontend(client);
        var moverId = Guid.NewGuid();
        var mover = await CreateCharacterAsync(moverId);
        var watcher = await CreateCharacterAsync();
        var moverNetId = (await moversFrontend.EnterAsync(mover)).Value!.SelfNetId;
        await watchersFrontend.EnterAsync(watcher);

        await StartZone.SubmitOneAsync(moverId, new MoveInput(7, 0f, 1f));
        var seen = await watchersFrontend.WaitForBatchAsync("the mover south of the spawn", b => b.Moved.Any(m => m.NetId == moverNetId && m.Y > TestWorld.Spawn.Y));
        await moversFrontend.WaitForBatchAsync("an ack of input 7", b => Acked(b, moverId) == 7);
        await StartZone.SubmitOneAsync(moverId, new MoveInput(8, 0f, 0f));

        Assert.False(seen.Full);
        Assert.DoesNotContain(watchersFrontend.BatchesFrom(TestWorld.StartInstance), b => b.Acks.ContainsKey(moverId));
        await mover.LeaveWorldAsync();
        await watcher.LeaveWorldAsync();
    }

    [Fact]
    public async Task SubmitInputsAsync_ABatchOfSeveralPlayers_AppliesTheValidOnesAndReturnsOnlyTheRefusedWithTheirSequence()
    {
        using var frontend = new TestFrontend(client);
        var walkerId = Guid.NewGuid();
        var cheaterId = Guid.NewGuid();
        var strangerId = Guid.NewGuid();
        var walker = await CreateCharacterAsync(walkerId);
        var cheater = await CreateCharacterAsync(cheaterId);
        var walkerNetId = (await frontend.EnterAsync(walker)).Value!.SelfNetId;
        await frontend.EnterAsync(cheater);

        var refusals = await StartZone.SubmitInputsAsync(
        [
            new PlayerMoveInput(walkerId, new MoveInput(4, 1f, 0f)),
            new PlayerMoveInput(cheaterId, new MoveInput(9, 3f, 4f)),
            new PlayerMoveInput(strangerId, new MoveInput(1, 0f, 1f)),
        ]);
        await frontend.WaitForBatchAsync("an ack of the walker's input 4", b => Acked(b, walkerId) == 4);
        await frontend.WaitForBatchAsync("the walker east of the spawn", b => b.Moved.Any(m => m.NetId == walkerNetId && m.X > TestWorld.Spawn.X));
        await StartZone.SubmitInputsAsync([new PlayerMoveInput(walkerId, new MoveInput(5, 0f, 0f))]);

        Assert.Equal(
            [(cheaterId, 9L, GameErrorCode.InvalidArgument), (strangerId, 1L, GameErrorCode.NotInZone)],
            refusals.Select(r => (r.PlayerId, r.Sequence, r.Error.Code)).ToArray());
        Assert.Contains("length", refusals[0].Error.Message, StringComparison.OrdinalIgnoreCase);
        await walker.LeaveWorldAsync();
        await cheater.LeaveWorldAsync();
    }

    [Fact]
    public async Task Checkpoints_TakenInSlices_SaveTheMovedPositionOfEveryPlayerWithinAnInterval()
    {
        using var frontend = new TestFrontend(client);
        var ids = Enumerable.Range(0, 16).Select(_ => Guid.NewGuid()).ToArray();
        var players = new List<IPlayerGrain>();
        foreach (var id in ids)
        {
            var player = await CreateCharacterAsync(id);
            await frontend.EnterAsync(player);
            players.Add(player);
        }

        // Every player takes a few steps east, then stands: only the zone knows where they are until it checkpoints.
        await StartZone.SubmitInputsAsync([.. ids.Select(id => new PlayerMoveInput(id, new MoveInput(1, 1f, 0f)))]);
        await Task.Delay(TestWorld.TickInterval * 4);
        await StartZone.SubmitInputsAsync([.. ids.Select(id => new PlayerMoveInput(id, new MoveInput(2, 0f, 0f)))]);

        Assert.True(ids.Select(CheckpointSaver.SliceOf).Distinct().Count() > 1, "the players should fall into several slices");
        async Task<CharacterSnapshot?[]?> AllMovedAsync()
        {
            var all = await Task.WhenAll(players.Select(p => p.GetAsync()));
            return all.All(c => c!.Position.X > TestWorld.Spawn.X) ? all : null;
        }

        var saved = await Eventually.AskUntilFoundAsync(AllMovedAsync, TestWorld.Patience)
            ?? await Task.WhenAll(players.Select(p => p.GetAsync()));
        Assert.All(saved, c => Assert.True(c!.Position.X > TestWorld.Spawn.X, $"{c.Name} was saved at {c.Position}, the spawn is {TestWorld.Spawn}"));
        foreach (var player in players)
        {
            await player.LeaveWorldAsync();
        }
    }

    [Fact]
    public async Task SubmitInputsAsync_ForAPlayerNotInTheZone_ReturnsNotInZone()
    {
        var refused = await StartZone.SubmitOneAsync(Guid.NewGuid(), new MoveInput(1, 1f, 0f));

        Assert.Equal(GameErrorCode.NotInZone, refused?.Code);
    }

    [Fact]
    public async Task SubmitInputsAsync_ToAZoneThatIsNotInTheContent_ReturnsNotInZone()
    {
        var refused = await client.GetGrain<IZoneGrain>(ZoneInstances.Key("atlantis", 1)).SubmitOneAsync(Guid.NewGuid(), new MoveInput(1, 1f, 0f));

        Assert.Equal(GameErrorCode.NotInZone, refused?.Code);
        Assert.Contains("does not exist", refused!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitInputsAsync_WithAnInvalidInput_IsRefusedAsInvalidArgumentSayingWhatIsAllowed()
    {
        using var frontend = new TestFrontend(client);
        var playerId = Guid.NewGuid();
        var player = await CreateCharacterAsync(playerId);
        await frontend.EnterAsync(player);

        var notANumber = await StartZone.SubmitOneAsync(playerId, new MoveInput(1, float.NaN, 0f));
        var tooLong = await StartZone.SubmitOneAsync(playerId, new MoveInput(2, 3f, 4f));
        var negativeSequence = await StartZone.SubmitOneAsync(playerId, new MoveInput(-1, 1f, 0f));

        Assert.Equal(GameErrorCode.InvalidArgument, notANumber?.Code);
        Assert.Equal(GameErrorCode.InvalidArgument, tooLong?.Code);
        Assert.Contains("length 5", tooLong!.Message, StringComparison.Ordinal);
        Assert.Equal(GameErrorCode.InvalidArgument, negativeSequence?.Code);
        await player.LeaveWorldAsync();
    }

    [Fact]
    public async Task LeaveWorldAsync_SavesWhereThePlayerStoodAndDespawnsItForOtherFrontends()
    {
        using var moversFrontend = new TestFrontend(client);
        using var watchersFrontend = new TestFrontend(client);
        var moverId = Guid.NewGuid();
        var mover = await CreateCharacterAsync(moverId);
        var watcher = await CreateCharacterAsync();
        var moverNetId = (await moversFrontend.EnterAsync(mover)).Value!.SelfNetId;
        await watchersFrontend.EnterAsync(watcher);
        await StartZone.SubmitOneAsync(moverId, new MoveInput(1, -1f, 0f));
        await watchersFrontend.WaitForBatchAsync("the mover 5 units west", b => b.Moved.Any(m => m.NetId == moverNetId && m.X <= TestWorld.Spawn.X - 5f));
        await StartZone.SubmitOneAsync(moverId, new MoveInput(2, 0f, 0f));
        await moversFrontend.WaitForBatchAsync("an ack of the stop", b => Acked(b, moverId) == 2);

        var left = await mover.LeaveWorldAsync();
        var saved = (await mover.GetAsync())!;
        var despawned = await watchersFrontend.WaitForBatchAsync("the mover despawned", b => b.Despawned.Contains(moverNetId));
        var inputAfterLeaving = await StartZone.SubmitOneAsync(moverId, new MoveInput(3, 1f, 0f));

        Assert.Equal(left.Value, saved);
        Assert.False(saved.InWorld);
        Assert.True(saved.Position.X <= TestWorld.Spawn.X - 5f, $"saved at x = {saved.Position.X}");
        Assert.Equal(TestWorld.Spawn.Y, saved.Position.Y);
        Assert.Contains(
            watchersFrontend.BatchesFrom(TestWorld.StartInstance).Where(b => b.Sequence < despawned.Sequence).SelectMany(b => b.Moved),
            m => m.NetId == moverNetId && new WorldPosition(m.X, m.Y) == saved.Position);
        Assert.Equal(GameErrorCode.NotInZone, inputAfterLeaving?.Code);
        await watcher.LeaveWorldAsync();
    }

    [Fact]
    public async Task SubscribeAsync_WithAPlayerTheZoneForgot_RestoresItFromItsSavedState()
    {
        using var frontend = new TestFrontend(client);
        var playerId = Guid.NewGuid();
        var player = await CreateCharacterAsync(playerId);
        var forgotten = (await frontend.EnterAsync(player)).Value!.SelfNetId;

        // The character is in the world by its saved state, but the zone forgets it (called directly, not through
        // the player): as after the zone re-activated on another silo while the frontend still served the player.
        await StartZone.LeaveAsync(playerId);
        var beforeSubscribing = await StartZone.SubmitOneAsync(playerId, new MoveInput(1, 0f, 1f));
        var missing = await StartZone.SubscribeAsync(frontend.Id, frontend.Reference, [playerId]);
        var afterSubscribing = await StartZone.SubmitOneAsync(playerId, new MoveInput(2, 0f, 0f));
        var restored = await frontend.WaitForNoticeAsync(TestWorld.StartInstance, playerId, PlayerNoticeKind.Arrived, n => n.NetId != forgotten);

        Assert.Equal(GameErrorCode.NotInZone, beforeSubscribing?.Code);
        Assert.Empty(missing);
        Assert.Null(afterSubscribing);
        Assert.Equal(TestWorld.Spawn, restored.Position);
        await player.LeaveWorldAsync();
    }

    [Fact]
    public async Task SubscribeAsync_WithPlayersWhoseCharactersAreNotInThisZone_ReturnsThemAsMissing()
    {
        using var frontend = new TestFrontend(client);
        var inStartZoneId = Guid.NewGuid();
        var inStartZone = await CreateCharacterAsync(inStartZoneId);
        await frontend.EnterAsync(inStartZone);
        var neverCreatedId = Guid.NewGuid();
        var mirefen = client.GetGrain<IZoneGrain>(TestWorld.MirefenInstance);

        var missing = await mirefen.SubscribeAsync(frontend.Id, frontend.Reference, [inStartZoneId, neverCreatedId]);
        var input = await mirefen.SubmitOneAsync(inStartZoneId, new MoveInput(1, 1f, 0f));

        Assert.Equal(new[] { inStartZoneId, neverCreatedId }, missing);
        Assert.Equal(GameErrorCode.NotInZone, input?.Code);
        await inStartZone.LeaveWorldAsync();
    }

    [Fact]
    public async Task WalkingIntoAPortal_DepartsThisZoneArrivesInTheTargetAndSavesTheTargetZone()
    {
        using var frontend = new TestFrontend(client);
        var playerId = Guid.NewGuid();
        var player = await CreateCharacterAsync(playerId);
        await frontend.EnterAsync(player);
        var stay = (await player.GetAsync())!;
        // Stand the player 20 units west of the portal, where arrivals from Mirefen land, as the zone itself would.
        await StartZone.LeaveAsync(playerId);
        await player.TransferAsync(new ZoneTransferRequest(stay.ZoneId, stay.WorldSession, TestWorld.StartZone, TestWorld.BesideToMirefenPortal));
        var nearPortal = await frontend.WaitForNoticeAsync(TestWorld.StartInstance, playerId, PlayerNoticeKind.Arrived, n => n.Position == TestWorld.BesideToMirefenPortal);

        var input = await StartZone.SubmitOneAsync(playerId, new MoveInput(1, 1f, 0f));
        var departed = await frontend.WaitForNoticeAsync(TestWorld.StartInstance, playerId, PlayerNoticeKind.Departed);
        var arrived = await frontend.WaitForNoticeAsync(TestWorld.MirefenInstance, playerId, PlayerNoticeKind.Arrived);
        var saved = (await player.GetAsync())!;
        var inputInOldZone = await StartZone.SubmitOneAsync(playerId, new MoveInput(2, -1f, 0f));
        var inputInNewZone = await client.GetGrain<IZoneGrain>(TestWorld.MirefenInstance).SubmitOneAsync(playerId, new MoveInput(2, 0f, 0f));

        var portal = RepositoryContent.Catalog.Zones[TestWorld.StartZone].Portals.Single(p => p.TargetZone == TestWorld.Mirefen);
        var mirefen = RepositoryContent.Catalog.Zones[TestWorld.Mirefen];
        Assert.Null(input);
        Assert.Equal(nearPortal.NetId, departed.NetId);
        Assert.True(departed.Position.DistanceTo(TestWorld.ToMirefenPortal) <= portal.Radius, $"departed at {departed.Position}");
        Assert.Equal(TestWorld.MirefenArrival, arrived.Position);
        Assert.Equal((TestWorld.MirefenInstance, TestWorld.Mirefen, mirefen.Width, mirefen.Height), (arrived.Entry!.ZoneId, arrived.Entry.Template, arrived.Entry.Width, arrived.Entry.Height));
        Assert.Equal(arrived.NetId, arrived.Entry.SelfNetId);
        Assert.Equal((TestWorld.MirefenInstance, TestWorld.MirefenArrival, true), (saved.ZoneId, saved.Position, saved.InWorld));
        Assert.Equal(stay.WorldSession + 2, saved.WorldSession);
        Assert.Equal(GameErrorCode.NotInZone, inputInOldZone?.Code);
        Assert.Null(inputInNewZone);
        await player.LeaveWorldAsync();
    }

    [Fact]
    public async Task ResyncAsync_MakesTheNextBatchFullWithoutRestartingTheSequence()
    {
        using var frontend = new TestFrontend(client);
        var player = await CreateCharacterAsync();
        await frontend.EnterAsync(player);
        var before = await frontend.WaitForBatchAsync("sequence 3", b => b.ZoneId == TestWorld.StartInstance && b.Sequence == 3);

        await StartZone.ResyncAsync(frontend.Id);
        var full = await frontend.WaitForBatchAsync("a full batch after sequence 3", b => b.ZoneId == TestWorld.StartInstance && b.Full && b.Sequence > before.Sequence);

        Assert.False(before.Full);
        Assert.Contains(full.Spawned, e => e.Kind == EntityKind.Monster);
        await player.LeaveWorldAsync();
    }

    private async Task<IPlayerGrain> CreateCharacterAsync(Guid? id = null)
    {
        var player = client.GetGrain<IPlayerGrain>(id ?? Guid.NewGuid());
        var created = await player.CreateAsync(new CreateCharacterRequest(TestWorld.UniqueName(), CharacterClass.Warrior, TestWorld.Owner));
        Assert.True(created.IsSuccess, created.Error?.Message);
        return player;
    }

    private static long? Acked(ZoneTickBatch batch, Guid playerId) => batch.Acks.TryGetValue(playerId, out var sequence) ? sequence : null;

    private static List<ZoneMotion> MotionsOf(TestFrontend frontend, int netId) =>
        [.. frontend.BatchesFrom(TestWorld.StartInstance).SelectMany(b => b.Moved).Where(m => m.NetId == netId)];
}
