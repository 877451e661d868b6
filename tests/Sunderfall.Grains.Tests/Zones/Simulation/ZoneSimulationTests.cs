using Sunderfall.Content.Definitions;
using Sunderfall.Grains.Interfaces.Common;
using Sunderfall.Grains.Interfaces.Zones;
using Sunderfall.Grains.Zones.Simulation;
using Xunit;

namespace Sunderfall.Grains.Tests.Zones.Simulation;

public sealed class ZoneSimulationTests
{
    private const float Speed = 5f;
    private const float Dt = 0.05f;
    private const float StepLength = Speed * Dt;
    private const double Tolerance = 1e-4;

    private readonly Guid playerId = Guid.NewGuid();

    [Fact]
    public void Step_WithAnInputEast_MovesThePlayerPlayerSpeedTimesDtEachStep()
    {
        var simulation = Simulate(TestZones.Open(20, 20));
        var netId = simulation.AddPlayer(playerId, "Walker", new WorldPosition(50f, 55f));
        simulation.SubmitInput(playerId, new MoveInput(1, 1f, 0f));

        for (var step = 1; step <= 4; step++)
        {
            var motion = Assert.Single(simulation.Step(Dt).Moved, m => m.NetId == netId);
            Assert.Equal(50 + (step * StepLength), motion.X, Tolerance);
            Assert.Equal(55, motion.Y, Tolerance);
        }
    }

    [Fact]
    public void Step_WithADiagonalInput_CoversNoMoreGroundThanAStraightOne()
    {
        var simulation = Simulate(TestZones.Open(20, 20));
        simulation.AddPlayer(playerId, "Walker", new WorldPosition(50f, 55f));
        simulation.SubmitInput(playerId, new MoveInput(1, 0.6f, 0.8f));

        simulation.Step(Dt);

        Assert.True(simulation.TryGetPlayer(playerId, out _, out var position));
        Assert.Equal(StepLength, position.DistanceTo(new WorldPosition(50f, 55f)), Tolerance);
    }

    [Fact]
    public void SubmitInput_WithAnOlderSequenceThanTheLatest_IsIgnoredSoTheLatestInputWins()
    {
        var simulation = Simulate(TestZones.Open(20, 20));
        var netId = simulation.AddPlayer(playerId, "Walker", new WorldPosition(50f, 55f));

        var latest = simulation.SubmitInput(playerId, new MoveInput(5, 0f, 1f));
        var late = simulation.SubmitInput(playerId, new MoveInput(4, 1f, 0f));
        var result = simulation.Step(Dt);

        Assert.Null(latest);
        Assert.Null(late);
        var motion = Assert.Single(result.Moved, m => m.NetId == netId);
        Assert.Equal((50, 55 + StepLength), (motion.X, motion.Y));
        Assert.Equal(5, result.Acks[playerId]);
    }

    [Fact]
    public void Step_AfterSeveralInputsSinceTheLastTick_AppliesOnlyTheNewest()
    {
        var simulation = Simulate(TestZones.Open(20, 20));
        simulation.AddPlayer(playerId, "Walker", new WorldPosition(50f, 55f));

        simulation.SubmitInput(playerId, new MoveInput(1, 1f, 0f));
        simulation.SubmitInput(playerId, new MoveInput(2, -1f, 0f));
        var result = simulation.Step(Dt);

        Assert.True(simulation.TryGetPlayer(playerId, out _, out var position));
        Assert.Equal(50 - StepLength, position.X, Tolerance);
        Assert.Equal(2, Assert.Single(result.Acks).Value);
    }

    [Fact]
    public void Step_AcksAnInputOnlyInTheTickThatAppliesIt()
    {
        var simulation = Simulate(TestZones.Open(20, 20));
        simulation.AddPlayer(playerId, "Walker", new WorldPosition(50f, 55f));

        var beforeAnyInput = simulation.Step(Dt);
        simulation.SubmitInput(playerId, new MoveInput(3, 1f, 0f));
        var applying = simulation.Step(Dt);
        var next = simulation.Step(Dt);
        simulation.SubmitInput(playerId, new MoveInput(3, 1f, 0f));
        var afterARepeat = simulation.Step(Dt);

        Assert.Empty(beforeAnyInput.Acks);
        Assert.Equal(new Dictionary<Guid, long> { [playerId] = 3 }, applying.Acks);
        Assert.Empty(next.Acks);
        Assert.Empty(afterARepeat.Acks);
    }

    [Fact]
    public void SubmitInput_WithADirectionOfZero_StopsThePlayer()
    {
        var simulation = Simulate(TestZones.Open(20, 20));
        var netId = simulation.AddPlayer(playerId, "Walker", new WorldPosition(50f, 55f));
        simulation.SubmitInput(playerId, new MoveInput(1, 1f, 0f));
        simulation.Step(Dt);

        simulation.SubmitInput(playerId, new MoveInput(2, 0f, 0f));
        var stopped = Enumerable.Range(0, 5).Select(_ => simulation.Step(Dt)).ToList();

        Assert.All(stopped, result => Assert.DoesNotContain(result.Moved, m => m.NetId == netId));
        Assert.True(simulation.TryGetPlayer(playerId, out _, out var position));
        Assert.Equal(50 + StepLength, position.X, Tolerance);
    }

    [Fact]
    public void Step_WhenAHeldInputRunsIntoAWall_StopsThePlayerAtTheWallWithOneCorrection()
    {
        // A wall fills column 10 (x 100..110).
        var simulation = Simulate(TestZones.Zone("..........#.........", "..........#.........", "..........#........."));
        var netId = simulation.AddPlayer(playerId, "Walker", new WorldPosition(98f, 15f));
        simulation.SubmitInput(playerId, new MoveInput(1, 1f, 0f));

        var results = Enumerable.Range(0, 40).Select(_ => simulation.Step(Dt)).ToList();

        Assert.True(simulation.TryGetPlayer(playerId, out _, out var stoppedAt));
        Assert.InRange(stoppedAt.X, 99.99f, 99.9999f);
        Assert.Equal(15f, stoppedAt.Y);
        var correction = Assert.Single(results.SelectMany(r => r.Corrections));
        Assert.Equal((playerId, PlayerNoticeKind.Correction, netId, stoppedAt), (correction.PlayerId, correction.Kind, correction.NetId, correction.Position));
        Assert.Equal(GameErrorCode.MoveRejected, correction.Error?.Code);
        Assert.Contains("blocked", correction.Error!.Message, StringComparison.Ordinal);
        Assert.All(results.TakeLast(10), r => Assert.DoesNotContain(r.Moved, m => m.NetId == netId));
    }

    [Fact]
    public void Step_WhenTheNextHeldInputAlsoRunsIntoTheWall_CorrectsItOnceMore()
    {
        var simulation = Simulate(TestZones.Zone("..........#.........", "..........#.........", "..........#........."));
        simulation.AddPlayer(playerId, "Walker", new WorldPosition(98f, 15f));
        simulation.SubmitInput(playerId, new MoveInput(1, 1f, 0f));
        var first = Enumerable.Range(0, 20).Select(_ => simulation.Step(Dt)).ToList();

        simulation.SubmitInput(playerId, new MoveInput(2, 1f, 0f));
        var second = Enumerable.Range(0, 20).Select(_ => simulation.Step(Dt)).ToList();

        Assert.Single(first.SelectMany(r => r.Corrections));
        Assert.Single(second.SelectMany(r => r.Corrections));
        Assert.Equal(2, simulation.Corrections);
    }

    [Fact]
    public void Step_WhenAHeldInputRunsOffTheMapsEdge_StopsAtTheEdgeWithOneCorrection()
    {
        var simulation = Simulate(TestZones.Open(20, 3));
        simulation.AddPlayer(playerId, "Walker", new WorldPosition(1f, 15f));
        simulation.SubmitInput(playerId, new MoveInput(1, -1f, 0f));

        var results = Enumerable.Range(0, 20).Select(_ => simulation.Step(Dt)).ToList();

        Assert.True(simulation.TryGetPlayer(playerId, out _, out var position));
        Assert.Equal(new WorldPosition(0f, 15f), position);
        Assert.Equal(position, Assert.Single(results.SelectMany(r => r.Corrections)).Position);
    }

    [Fact]
    public void Step_WhenAPlayerWalksIntoAPortal_ReportsTheCrossingAndDespawnsThePlayer()
    {
        var portal = new PortalDefinition { Id = "east-gate", X = 150f, Y = 25f, Radius = 6f, TargetZone = "elsewhere", TargetX = 5f, TargetY = 5f };
        var simulation = Simulate(TestZones.Open(20, 5) with { Portals = [portal] });
        var netId = simulation.AddPlayer(playerId, "Traveller", new WorldPosition(140f, 25f));
        simulation.SubmitInput(playerId, new MoveInput(1, 1f, 0f));

        var steps = 0;
        var result = simulation.Step(Dt);
        while (result.Crossings.Count == 0 && ++steps < 100)
        {
            result = simulation.Step(Dt);
        }

        var crossing = Assert.Single(result.Crossings);
        Assert.Equal((playerId, netId, portal), (crossing.PlayerId, crossing.NetId, crossing.Portal));
        Assert.True(crossing.At.DistanceTo(new WorldPosition(portal.X, portal.Y)) <= portal.Radius, $"crossed at {crossing.At}");
        Assert.Contains(netId, result.Despawned);
        Assert.DoesNotContain(result.Moved, m => m.NetId == netId);
        Assert.False(simulation.TryGetPlayer(playerId, out _, out _));
        Assert.DoesNotContain(simulation.Entities(), e => e.NetId == netId);
        Assert.Equal(GameErrorCode.NotInZone, simulation.SubmitInput(playerId, new MoveInput(2, -1f, 0f))?.Code);
        Assert.Empty(simulation.Step(Dt).Crossings);
    }

    [Fact]
    public void Step_AfterAPlayerIsAdded_ReportsItAsSpawnedOnceWithItsState()
    {
        var simulation = Simulate(TestZones.Open(20, 20));

        var netId = simulation.AddPlayer(playerId, "Aldric", new WorldPosition(50f, 55f));
        var first = simulation.Step(Dt);
        var second = simulation.Step(Dt);

        Assert.Equal(new ZoneEntityState(netId, EntityKind.Player, "Aldric", 50f, 55f, 100, 100, playerId), Assert.Single(first.Spawned));
        Assert.Empty(second.Spawned);
    }

    [Fact]
    public void Step_AfterAPlayerIsRemoved_ReportsItAsDespawnedOnce()
    {
        var simulation = Simulate(TestZones.Open(20, 20));
        var netId = simulation.AddPlayer(playerId, "Aldric", new WorldPosition(50f, 55f));
        simulation.Step(Dt);

        var last = simulation.RemovePlayer(playerId);
        var removing = simulation.Step(Dt);
        var after = simulation.Step(Dt);

        Assert.Equal(new WorldPosition(50f, 55f), last);
        Assert.Equal(new[] { netId }, removing.Despawned);
        Assert.Empty(after.Despawned);
        Assert.Null(simulation.RemovePlayer(playerId));
    }

    [Fact]
    public void Step_WhenAPlayerIsAddedAndRemovedBetweenTwoTicks_NeverSpawnsOrMovesIt()
    {
        var simulation = Simulate(TestZones.Open(20, 20));
        simulation.Step(Dt);

        var netId = simulation.AddPlayer(playerId, "Blink", new WorldPosition(50f, 55f));
        simulation.SubmitInput(playerId, new MoveInput(1, 1f, 0f));
        simulation.RemovePlayer(playerId);
        var result = simulation.Step(Dt);

        Assert.DoesNotContain(result.Spawned, e => e.NetId == netId);
        Assert.DoesNotContain(result.Moved, m => m.NetId == netId);
        Assert.DoesNotContain(simulation.Entities(), e => e.NetId == netId);
    }

    [Fact]
    public void AddPlayer_InsideAWall_PlacesThePlayerOnTheNearestFloor()
    {
        var simulation = Simulate(TestZones.Zone("..........#.........", "..........#.........", "..........#........."));

        var netId = simulation.AddPlayer(playerId, "Stuck", new WorldPosition(105f, 15f));
        var spawned = Assert.Single(simulation.Step(Dt).Spawned);

        Assert.True(simulation.TryGetPlayer(playerId, out _, out var position));
        Assert.True(simulation.Map.IsWalkable(position), $"placed at {position}, which is not floor");
        Assert.True(position.DistanceTo(new WorldPosition(105f, 15f)) <= 5.01f, $"placed at {position}, more than half a tile away");
        Assert.Equal((netId, position), (spawned.NetId, new WorldPosition(spawned.X, spawned.Y)));
    }

    [Fact]
    public void AddPlayer_ForAPlayerAlreadyInTheZone_KeepsItsNetIdAndPosition()
    {
        var simulation = Simulate(TestZones.Open(20, 20));
        var netId = simulation.AddPlayer(playerId, "Aldric", new WorldPosition(50f, 55f));
        simulation.SubmitInput(playerId, new MoveInput(1, 1f, 0f));
        simulation.Step(Dt);

        var again = simulation.AddPlayer(playerId, "Aldric", new WorldPosition(10f, 10f));
        simulation.SubmitInput(playerId, new MoveInput(2, 0f, 0f));
        var next = simulation.Step(Dt);

        Assert.Equal(netId, again);
        Assert.Equal(1, simulation.PlayerCount);
        Assert.True(simulation.TryGetPlayer(playerId, out _, out var position));
        Assert.Equal(50 + StepLength, position.X, Tolerance);
        Assert.Empty(next.Spawned);
    }

    [Fact]
    public void SubmitInput_ForAPlayerNotInTheZone_ReturnsNotInZone() =>
        Assert.Equal(GameErrorCode.NotInZone, Simulate(TestZones.Open(20, 20)).SubmitInput(playerId, new MoveInput(1, 1f, 0f))?.Code);

    [Fact]
    public void SubmitInput_WithAnInvalidInput_IsRefusedCountedAndLeavesTheCurrentInputInForce()
    {
        var simulation = Simulate(TestZones.Open(20, 20));
        simulation.AddPlayer(playerId, "Walker", new WorldPosition(50f, 55f));
        simulation.SubmitInput(playerId, new MoveInput(1, 1f, 0f));
        simulation.Step(Dt);

        var refused = simulation.SubmitInput(playerId, new MoveInput(2, float.NaN, 0f));
        var next = simulation.Step(Dt);

        Assert.Equal(GameErrorCode.InvalidArgument, refused?.Code);
        Assert.Equal(1, simulation.Corrections);
        Assert.Empty(next.Acks);
        Assert.True(simulation.TryGetPlayer(playerId, out _, out var position));
        Assert.Equal(50 + (2 * StepLength), position.X, Tolerance);
    }

    [Fact]
    public void Constructor_PlacesEveryMonsterOfEverySpawnPoint_AndTheFirstStepReportsThemSpawned()
    {
        var boar = new MonsterDefinition { Id = "boar", Name = "Boar", MaxHealth = 90 };
        var zone = TestZones.Open(20, 20) with { SpawnPoints = [TestZones.SpawnAt("wolf", 50f, 50f, count: 3), TestZones.SpawnAt("boar", 150f, 150f, count: 2)] };
        var simulation = new ZoneSimulation(zone, TestZones.Catalog(zone, TestZones.Wolf(), boar), Speed, seed: 1);

        var first = simulation.Step(Dt);
        var second = simulation.Step(Dt);

        Assert.Equal(5, simulation.MonsterCount);
        Assert.Equal(5, first.Spawned.Select(e => e.NetId).Distinct().Count());
        Assert.All(first.Spawned, e => Assert.Equal((EntityKind.Monster, Guid.Empty), (e.Kind, e.PlayerId)));
        Assert.Equal(3, first.Spawned.Count(e => (e.Name, e.X, e.Y, e.Health, e.MaxHealth) == ("Wolf", 50f, 50f, 60, 60)));
        Assert.Equal(2, first.Spawned.Count(e => (e.Name, e.X, e.Y, e.Health, e.MaxHealth) == ("Boar", 150f, 150f, 90, 90)));
        Assert.Empty(second.Spawned);
    }

    [Fact]
    public void Entities_HoldsEveryPlayerAndEveryLiveMonster()
    {
        var zone = TestZones.Open(20, 20) with { SpawnPoints = [TestZones.SpawnAt("wolf", 50f, 50f, count: 2)] };
        var simulation = new ZoneSimulation(zone, TestZones.Catalog(zone, TestZones.Wolf()), Speed, seed: 1);
        var otherId = Guid.NewGuid();
        var first = simulation.AddPlayer(playerId, "First", new WorldPosition(150f, 150f));
        var second = simulation.AddPlayer(otherId, "Second", new WorldPosition(160f, 150f));
        simulation.Step(Dt);

        var entities = simulation.Entities();

        Assert.Equal(4, entities.Count);
        Assert.Equal(2, entities.Count(e => e.Kind == EntityKind.Monster && e.Name == "Wolf"));
        Assert.Contains(entities, e => (e.NetId, e.Kind, e.PlayerId, e.Name) == (first, EntityKind.Player, playerId, "First"));
        Assert.Contains(entities, e => (e.NetId, e.Kind, e.PlayerId, e.Name) == (second, EntityKind.Player, otherId, "Second"));
    }

    [Fact]
    public void Step_WhenAPlayerComesWithinAMonstersAggroRadius_TheMonsterWalksTowardsIt()
    {
        var zone = TestZones.Open(20, 20) with { SpawnPoints = [TestZones.SpawnAt("wolf", 100f, 100f)] };
        var simulation = new ZoneSimulation(zone, TestZones.Catalog(zone, TestZones.Wolf()), Speed, seed: 1);
        simulation.AddPlayer(playerId, "Bait", new WorldPosition(110f, 100f));

        for (var step = 0; step < 20; step++)
        {
            simulation.Step(Dt);
        }

        var wolf = Assert.Single(simulation.Entities(), e => e.Kind == EntityKind.Monster);
        Assert.True(wolf.X > 100f && wolf.X < 110f, $"the wolf is at x = {wolf.X}, not between its home (100) and the player (110)");
    }

    [Fact]
    public void Step_WithTheSameSeed_MovesMonstersIdenticallyOver500Steps()
    {
        var first = AshenVale(seed: 42);
        var second = AshenVale(seed: 42);
        var start = MonsterPositions(first);

        for (var step = 0; step < 500; step++)
        {
            Assert.Equal(first.Step(Dt).Moved, second.Step(Dt).Moved);
        }

        Assert.Equal(first.Entities(), second.Entities());
        Assert.NotEqual(start, MonsterPositions(first));
    }

    [Fact]
    public void Step_WithADifferentSeed_PlacesAndMovesMonstersDifferently()
    {
        var first = AshenVale(seed: 42);
        var second = AshenVale(seed: 43);

        for (var step = 0; step < 500; step++)
        {
            first.Step(Dt);
            second.Step(Dt);
        }

        Assert.NotEqual(MonsterPositions(first), MonsterPositions(second));
    }

    [Fact]
    public void Step_WhenAWallKeepsAReturningMonsterFromWalkingHome_PutsItBackAtItsSpawnPoint()
    {
        // A wall along row 7 (y 70..80) from the west edge to x = 90. The wolf lives above it at (50, 50); a player
        // far below draws it round the wall's east end. Walking straight back, the wolf runs into the wall's
        // underside and makes no progress: after MonsterBrain.ReturnStuckSeconds the brain asks to snap home, which
        // the simulation must do without the collision map (through it, the wall would stop the snap too).
        var rows = Enumerable.Repeat(new string('.', 20), 20).ToArray();
        rows[7] = new string('#', 9) + new string('.', 11);
        var wolf = TestZones.Wolf() with { Speed = 20f, AggroRadius = 200f, LeashRadius = 150f, WanderRadius = 0f };
        var zone = TestZones.Zone(rows) with { SpawnPoints = [TestZones.SpawnAt("wolf", 50f, 50f)] };
        var simulation = new ZoneSimulation(zone, TestZones.Catalog(zone, wolf), Speed, seed: 1);
        simulation.AddPlayer(playerId, "Bait", new WorldPosition(95f, 180f));
        for (var step = 0; step < 1000 && WolfPosition(simulation).Y <= 170f; step++)
        {
            simulation.Step(Dt);
        }

        var chasedTo = WolfPosition(simulation);
        simulation.RemovePlayer(playerId);
        for (var step = 0; step < 400; step++)
        {
            simulation.Step(Dt);
        }

        var home = new WorldPosition(50f, 50f);
        Assert.True(chasedTo.Y > 170f, $"the wolf never got round the wall to the player (it is at {chasedTo})");
        Assert.True(WolfPosition(simulation).DistanceTo(home) < 1f, $"the wolf is stuck at {WolfPosition(simulation)}, not home at {home}");
    }

    private static ZoneSimulation Simulate(ZoneDefinition zone) => new(zone, TestZones.Catalog(zone), Speed, seed: 1);

    /// <summary>Ashen Vale from the repository's content, with a player standing among the wolves of its north-west den.</summary>
    private static ZoneSimulation AshenVale(int seed)
    {
        var simulation = new ZoneSimulation(RepositoryContent.Catalog.Zones["ashen-vale"], RepositoryContent.Catalog, Speed, seed);
        simulation.AddPlayer(Guid.Parse("00000000-0000-0000-0000-000000000001"), "Bait", new WorldPosition(250f, 250f));
        return simulation;
    }

    private static WorldPosition WolfPosition(ZoneSimulation simulation) => Assert.Single(MonsterPositions(simulation));

    private static List<WorldPosition> MonsterPositions(ZoneSimulation simulation) =>
        [.. simulation.Entities().Where(e => e.Kind == EntityKind.Monster).Select(e => new WorldPosition(e.X, e.Y))];
}
