using Sunderfall.Grains.Interfaces.Common;
using Sunderfall.Grains.Zones.Simulation;
using Xunit;

namespace Sunderfall.Grains.Tests.Zones.Simulation;

public sealed class MonsterBrainTests
{
    private const float Dt = 0.05f; // the zone's 20 Hz tick
    private const int PlayerNetId = 7;

    private static readonly (int NetId, WorldPosition Position)[] NoPlayers = [];

    private readonly CollisionMap map = SimulationContent.OpenMap();
    private readonly WorldPosition home = SimulationContent.Home;

    [Fact]
    public void Tick_WithTheSameSeed_ReproducesTheSameRunOver1000Ticks()
    {
        var first = Run(seed: 42, ticks: 1_000, PassingPlayer);
        var second = Run(seed: 42, ticks: 1_000, PassingPlayer);

        Assert.Equal(first, second);
        // The run covers every live behaviour, so the comparison means something.
        Assert.Contains(first, step => step.State == MonsterState.Wander);
        Assert.Contains(first, step => step.State == MonsterState.Chase);
        Assert.Contains(first, step => step.State == MonsterState.Return);
    }

    [Fact]
    public void Tick_WithADifferentSeed_WandersADifferentPath()
    {
        var first = Run(seed: 1, ticks: 1_000, _ => null);
        var second = Run(seed: 2, ticks: 1_000, _ => null);

        Assert.NotEqual(first.Select(step => step.Position), second.Select(step => step.Position));
    }

    [Fact]
    public void Tick_AfterAnIdlePauseOfOneToFourSeconds_WandersNearHomeAtHalfSpeedThenIdlesOnArrival()
    {
        var brain = SimulationContent.WolfBrain(map);
        var random = new Random(3);
        var position = home;
        var ticks = 0;
        while (brain.State == MonsterState.Idle)
        {
            position = Apply(position, brain.Tick(Dt, position, NoPlayers, random));
            ticks++;
        }

        Assert.Equal(MonsterState.Wander, brain.State);
        Assert.InRange(ticks * Dt, MonsterBrain.MinIdleSeconds, MonsterBrain.MaxIdleSeconds + Dt);
        var target = Assert.NotNull(brain.WanderTarget);
        Assert.True(target.DistanceTo(home) <= SimulationContent.Wolf().WanderRadius);

        var move = brain.Tick(Dt, position, NoPlayers, random);
        Assert.True(position.DistanceTo(target) > 1f, "seed 3 picks a target far enough to measure the speed");
        Assert.Equal(SimulationContent.Wolf().Speed * 0.5f * Dt, Length(move), 0.0001f);

        for (var i = 0; i < 400 && brain.State == MonsterState.Wander; i++)
        {
            position = Apply(position, move);
            move = brain.Tick(Dt, position, NoPlayers, random);
        }

        Assert.Equal(MonsterState.Idle, brain.State);
        Assert.True(position.DistanceTo(target) <= MonsterBrain.ArrivalDistance);
    }

    [Fact]
    public void Tick_WhenAPlayerEntersAggroRadius_StartsChasingIt()
    {
        var brain = SimulationContent.WolfBrain(map);

        brain.Tick(Dt, home, [(PlayerNetId, new WorldPosition(home.X + 11.9f, home.Y))], new Random(1));

        Assert.Equal(MonsterState.Chase, brain.State);
        Assert.Equal(PlayerNetId, brain.TargetNetId);
    }

    [Fact]
    public void Tick_WhenAPlayerStaysOutsideAggroRadius_IgnoresIt()
    {
        var brain = SimulationContent.WolfBrain(map);
        var random = new Random(1);
        var position = home;
        var player = new WorldPosition(home.X + 40f, home.Y); // farther than aggro from anywhere the wolf wanders

        for (var i = 0; i < 400; i++)
        {
            position = Apply(position, brain.Tick(Dt, position, [(PlayerNetId, player)], random));

            Assert.True(brain.State is MonsterState.Idle or MonsterState.Wander, $"tick {i}: {brain.State}");
            Assert.Null(brain.TargetNetId);
        }
    }

    [Fact]
    public void Tick_WithSeveralPlayersInAggroRadius_ChasesTheNearest()
    {
        var brain = SimulationContent.WolfBrain(map);

        brain.Tick(
            Dt,
            home,
            [(1, new WorldPosition(home.X + 10f, home.Y)), (2, new WorldPosition(home.X, home.Y - 4f)), (3, new WorldPosition(home.X - 6f, home.Y))],
            new Random(1));

        Assert.Equal(2, brain.TargetNetId);
    }

    [Fact]
    public void Tick_WhileChasing_StepsStraightTowardThePlayerAtFullSpeed()
    {
        var brain = SimulationContent.WolfBrain(map);
        var player = new WorldPosition(home.X + 6f, home.Y + 8f);

        var move = brain.Tick(Dt, home, [(PlayerNetId, player)], new Random(1));

        var speed = SimulationContent.Wolf().Speed;
        Assert.Equal(speed * Dt, Length(move), 0.0001f);
        Assert.Equal(0.6f * speed * Dt, move.Dx, 0.0001f);
        Assert.Equal(0.8f * speed * Dt, move.Dy, 0.0001f);
    }

    [Fact]
    public void Tick_WhileChasing_StopsWithinMeleeRangeOfThePlayer()
    {
        var brain = SimulationContent.WolfBrain(map);
        var random = new Random(1);
        var position = home;
        var player = new WorldPosition(home.X + 5f, home.Y);

        for (var i = 0; i < 100; i++)
        {
            position = Apply(position, brain.Tick(Dt, position, [(PlayerNetId, player)], random));
        }

        Assert.Equal(MonsterState.Chase, brain.State);
        Assert.Equal(MonsterBrain.MeleeRange, position.DistanceTo(player), 0.001f);
        Assert.Equal(MonsterMove.None, brain.Tick(Dt, position, [(PlayerNetId, player)], random));
    }

    [Fact]
    public void Tick_WhenTheChasedPlayerIsGone_WalksHomeIgnoringOtherPlayers()
    {
        var brain = SimulationContent.WolfBrain(map);
        var random = new Random(1);
        var position = new WorldPosition(home.X + 10f, home.Y);
        brain.Tick(Dt, position, [(PlayerNetId, new WorldPosition(home.X + 12f, home.Y))], random);

        var move = brain.Tick(Dt, position, [(8, new WorldPosition(home.X + 12f, home.Y))], random);

        Assert.Equal(MonsterState.Return, brain.State);
        Assert.Null(brain.TargetNetId);
        Assert.True(move.Dx < 0, "steps back towards home, away from the other player");
    }

    [Fact]
    public void Tick_WhenTheChasedPlayerIsFartherThanOneAndAHalfAggroRadii_GivesUpAndWalksHome()
    {
        var brain = SimulationContent.WolfBrain(map);
        var random = new Random(1);
        brain.Tick(Dt, home, [(PlayerNetId, new WorldPosition(home.X + 10f, home.Y))], random);

        brain.Tick(Dt, home, [(PlayerNetId, new WorldPosition(home.X + 17.9f, home.Y))], random);
        Assert.Equal(MonsterState.Chase, brain.State);

        brain.Tick(Dt, home, [(PlayerNetId, new WorldPosition(home.X + 18.1f, home.Y))], random);
        Assert.Equal(MonsterState.Return, brain.State);
    }

    [Fact]
    public void Tick_WhenAPlayerDragsItBeyondLeashRadius_ReturnsHomeIgnoringPlayersAndHeals()
    {
        var brain = SimulationContent.WolfBrain(map);
        var random = new Random(1);
        var position = home;
        var wolf = SimulationContent.Wolf();

        // The player keeps 3 units ahead, pulling the wolf east until the leash snaps.
        var ticks = 0;
        while (brain.State != MonsterState.Return)
        {
            var player = new WorldPosition(position.X + 3f, position.Y);
            position = Apply(position, brain.Tick(Dt, position, [(PlayerNetId, player)], random));
            Assert.True(++ticks < 1_000, "the leash never snapped");
        }

        // The leash snapped just past LeashRadius, and this tick's step already heads back.
        Assert.InRange(position.DistanceTo(home), wolf.LeashRadius - (wolf.Speed * Dt), wolf.LeashRadius + 0.001f);
        Assert.False(brain.TakeHealed());

        // Walking home it ignores the player standing right next to it, and heals on arrival.
        while (brain.State == MonsterState.Return)
        {
            var player = new WorldPosition(position.X + 1.5f, position.Y);
            var move = brain.Tick(Dt, position, [(PlayerNetId, player)], random);
            position = Apply(position, move);
            Assert.True(brain.State == MonsterState.Idle || move.Dx < 0, "walks towards home");
            Assert.True(++ticks < 2_000, "never got home");
        }

        Assert.Equal(MonsterState.Idle, brain.State);
        Assert.True(position.DistanceTo(home) <= MonsterBrain.ArrivalDistance);
        Assert.True(brain.TakeHealed());
        Assert.False(brain.TakeHealed()); // once per arrival
    }

    [Fact]
    public void Tick_WhenAWallKeepsItFromWalkingHome_SnapsHomeAndHeals()
    {
        // A wall one tile thick from top to bottom between home (x 5) and where the chase ended (x 45).
        var divided = new CollisionMap(SimulationContent.Zone(10f, "..#..", "..#..", "..#.."));
        var wallHome = new WorldPosition(5f, 15f);
        var brain = new MonsterBrain(SimulationContent.Wolf(), SimulationContent.WolfDen(5f, 15f), wallHome, divided);
        var random = new Random(1);
        var position = new WorldPosition(45f, 15f);
        brain.Tick(Dt, position, [(PlayerNetId, new WorldPosition(46f, 15f))], random); // beyond the leash: returns

        var move = MonsterMove.None;
        for (var i = 0; i < 400 && !move.SnapToHome; i++)
        {
            move = brain.Tick(Dt, position, NoPlayers, random);
            position = move.SnapToHome ? brain.Home : divided.Move(position, move.Dx, move.Dy);
        }

        Assert.True(move.SnapToHome);
        Assert.Equal(wallHome, position);
        Assert.Equal(MonsterState.Idle, brain.State);
        Assert.True(brain.TakeHealed());
    }

    [Fact]
    public void Kill_ThenAfterTheSpawnPointsRespawnTime_IsReadyToRespawnWhereTheZoneSays()
    {
        var brain = SimulationContent.WolfBrain(map);
        var random = new Random(1);
        var nearbyPlayer = new[] { (PlayerNetId, new WorldPosition(home.X + 2f, home.Y)) };
        brain.Tick(Dt, home, nearbyPlayer, random);

        brain.Kill();

        Assert.Equal(MonsterState.Dead, brain.State);
        Assert.Null(brain.TargetNetId);
        var respawnTicks = (int)Math.Round(SimulationContent.WolfDen().RespawnSeconds / Dt);
        for (var i = 0; i < respawnTicks - 2; i++)
        {
            Assert.Equal(MonsterMove.None, brain.Tick(Dt, home, nearbyPlayer, random));
            Assert.Equal(MonsterState.Dead, brain.State);
            Assert.False(brain.ReadyToRespawn);
        }

        brain.Tick(Dt, home, nearbyPlayer, random);
        brain.Tick(Dt, home, nearbyPlayer, random);
        brain.Tick(Dt, home, nearbyPlayer, random);
        Assert.True(brain.ReadyToRespawn);

        var elsewhere = new WorldPosition(home.X + 3f, home.Y - 2f);
        brain.Respawn(elsewhere);

        Assert.Equal(MonsterState.Idle, brain.State);
        Assert.False(brain.ReadyToRespawn);
        Assert.Equal(elsewhere, brain.Home);
    }

    [Fact]
    public void Respawn_WhenTheMonsterIsAlive_IsRefused()
    {
        var brain = SimulationContent.WolfBrain(map);

        var error = Assert.Throws<InvalidOperationException>(() => brain.Respawn(home));

        Assert.Contains("only a dead monster can respawn", error.Message, StringComparison.Ordinal);
    }

    // A player walking east past the wolf's home at 2 units/s: noticed, chased, then dragged past the leash.
    private WorldPosition? PassingPlayer(int tick) => new WorldPosition(home.X - 40f + (tick * Dt * 2f), home.Y + 3f);

    private List<(WorldPosition Position, MonsterState State)> Run(int seed, int ticks, Func<int, WorldPosition?> player)
    {
        var brain = SimulationContent.WolfBrain(map);
        var random = new Random(seed);
        var position = home;
        var steps = new List<(WorldPosition, MonsterState)>(ticks);
        for (var tick = 0; tick < ticks; tick++)
        {
            (int NetId, WorldPosition Position)[] players = player(tick) is { } at ? [(PlayerNetId, at)] : [];
            position = Apply(position, brain.Tick(Dt, position, players, random));
            steps.Add((position, brain.State));
        }

        return steps;
    }

    private WorldPosition Apply(WorldPosition position, MonsterMove move) => map.Move(position, move.Dx, move.Dy);

    private static float Length(MonsterMove move) => MathF.Sqrt((move.Dx * move.Dx) + (move.Dy * move.Dy));
}
