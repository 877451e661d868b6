using Sunderfall.Content.Definitions;
using Sunderfall.Grains.Interfaces.Common;

namespace Sunderfall.Grains.Zones.Simulation;

/// <summary>
/// The decisions of one monster instance, advanced once per zone tick: idle pauses, wandering near home, chasing the
/// nearest player that comes within aggro range, walking home (and healing) when leashed, and waiting to respawn
/// once killed. It only says where it wants to go; the zone applies the step through the <see cref="CollisionMap"/>
/// and passes the resulting position back on the next tick. Every random choice comes from the <see cref="Random"/>
/// given to <see cref="Tick"/>, so the same seed and inputs reproduce a run exactly.
/// </summary>
public sealed class MonsterBrain
{
    /// <summary>A chase stops closing in at this distance from its target (placeholder for melee range).</summary>
    public const float MeleeRange = 1f;

    /// <summary>Shortest idle pause before wandering, in seconds.</summary>
    public const float MinIdleSeconds = 1f;

    /// <summary>Longest idle pause before wandering, in seconds.</summary>
    public const float MaxIdleSeconds = 4f;

    /// <summary>A chased player farther than this many times the aggro radius is given up on.</summary>
    public const float GiveUpFactor = 1.5f;

    /// <summary>A wander target or home closer than this counts as reached.</summary>
    public const float ArrivalDistance = 0.1f;

    /// <summary>A wander that has made no progress for this long (blocked by a wall) ends in idle.</summary>
    public const float WanderStuckSeconds = 1f;

    /// <summary>A walk home that has made no progress for this long ends with a snap home (see <see cref="MonsterMove.SnapToHome"/>).</summary>
    public const float ReturnStuckSeconds = 2f;

    private const int WanderTargetAttempts = 8;

    // A tick that covered less than this share of the requested step counts as no progress.
    private const float ProgressShare = 0.25f;

    private readonly MonsterDefinition monster;
    private readonly CollisionMap? map;
    private readonly float respawnSeconds;
    private float? idleRemaining;
    private float deadRemaining;
    private WorldPosition? previousPosition;
    private float previousStepLength;
    private float stuckSeconds;
    private bool healed;

    // Set while chasing someone who attacked it: such a chase ends only at the leash, not at the aggro give-up distance
    // (a monster struck from range must still come for its attacker).
    private bool engaged;

    /// <summary>
    /// A live, idle monster of kind <paramref name="monster"/> from <paramref name="spawnPoint"/>, at
    /// <paramref name="home"/>. With a <paramref name="map"/>, wander targets are picked on walkable ground only;
    /// without one, a target in a wall ends the wander once the monster stops making progress.
    /// </summary>
    public MonsterBrain(MonsterDefinition monster, SpawnPointDefinition spawnPoint, WorldPosition home, CollisionMap? map = null)
    {
        ArgumentNullException.ThrowIfNull(monster);
        ArgumentNullException.ThrowIfNull(spawnPoint);
        if (!home.IsFinite)
        {
            throw new ArgumentException("home must have finite coordinates", nameof(home));
        }

        this.monster = monster;
        this.map = map;
        respawnSeconds = spawnPoint.RespawnSeconds;
        Home = home;
    }

    public MonsterState State { get; private set; } = MonsterState.Idle;

    /// <summary>The NetId of the player being chased; null unless <see cref="State"/> is <see cref="MonsterState.Chase"/>.</summary>
    public int? TargetNetId { get; private set; }

    /// <summary>Where the monster last (re)spawned: the centre of its wandering and leash, and where it walks back to.</summary>
    public WorldPosition Home { get; private set; }

    /// <summary>The point being wandered to; null unless <see cref="State"/> is <see cref="MonsterState.Wander"/>.</summary>
    public WorldPosition? WanderTarget { get; private set; }

    /// <summary>True once a dead monster's respawn time has passed: the zone should call <see cref="Respawn"/>.</summary>
    public bool ReadyToRespawn { get; private set; }

    /// <summary>
    /// Advances the monster by <paramref name="dt"/> seconds from <paramref name="self"/> (its current position),
    /// seeing <paramref name="playersNearby"/>, and returns the movement it wants this tick.
    /// </summary>
    public MonsterMove Tick(
        float dt,
        WorldPosition self,
        IReadOnlyList<(int NetId, WorldPosition Position)> playersNearby,
        Random random)
    {
        ArgumentNullException.ThrowIfNull(playersNearby);
        ArgumentNullException.ThrowIfNull(random);
        if (!(dt >= 0) || !float.IsFinite(dt))
        {
            throw new ArgumentOutOfRangeException(nameof(dt), dt, "dt must be a finite number of seconds, 0 or more");
        }

        if (State == MonsterState.Dead)
        {
            deadRemaining -= dt;
            ReadyToRespawn = deadRemaining <= 0;
            return MonsterMove.None;
        }

        TrackProgress(dt, self);
        if (Decide(dt, self, playersNearby, random) is { } snap)
        {
            return snap;
        }

        var move = State switch
        {
            MonsterState.Wander when WanderTarget is { } target => StepToward(self, target, monster.Speed * 0.5f * dt, 0f),
            MonsterState.Chase when Find(playersNearby, TargetNetId) is { } target => StepToward(self, target, monster.Speed * dt, MeleeRange),
            MonsterState.Return => StepToward(self, Home, monster.Speed * dt, 0f),
            _ => MonsterMove.None,
        };
        previousPosition = self;
        previousStepLength = MathF.Sqrt((move.Dx * move.Dx) + (move.Dy * move.Dy));
        return move;
    }

    /// <summary>
    /// True once for each time the monster got home from a chase (see <see cref="MonsterState.Return"/>) since the
    /// last call: the zone restores it to full health. Reading it clears it.
    /// </summary>
    public bool TakeHealed()
    {
        var result = healed;
        healed = false;
        return result;
    }

    /// <summary>
    /// Makes the monster chase <paramref name="netId"/> (it was attacked, or another player now has the most threat).
    /// A dead monster, or one walking home after giving up, ignores it.
    /// </summary>
    public void Engage(int netId)
    {
        if (State is MonsterState.Dead or MonsterState.Return || (State == MonsterState.Chase && TargetNetId == netId))
        {
            return;
        }

        if (State != MonsterState.Chase)
        {
            Enter(MonsterState.Chase);
        }

        TargetNetId = netId;
        engaged = true;
    }

    /// <summary>Enters <see cref="MonsterState.Dead"/> and starts the respawn timer; does nothing if already dead.</summary>
    public void Kill()
    {
        if (State == MonsterState.Dead)
        {
            return;
        }

        Enter(MonsterState.Dead);
        deadRemaining = respawnSeconds;
        ReadyToRespawn = false;
        healed = false;
    }

    /// <summary>Brings a dead monster back, idle, with <paramref name="at"/> as its new <see cref="Home"/>.</summary>
    public void Respawn(WorldPosition at)
    {
        if (State != MonsterState.Dead)
        {
            throw new InvalidOperationException($"only a dead monster can respawn; this one is {State}");
        }

        if (!at.IsFinite)
        {
            throw new ArgumentException("the respawn position must have finite coordinates", nameof(at));
        }

        Home = at;
        ReadyToRespawn = false;
        Enter(MonsterState.Idle);
    }

    // Applies this tick's state changes; returns a move only when the decision itself is the move (a snap home).
    private MonsterMove? Decide(
        float dt,
        WorldPosition self,
        IReadOnlyList<(int NetId, WorldPosition Position)> playersNearby,
        Random random)
    {
        if (State is MonsterState.Idle or MonsterState.Wander && NearestWithin(self, playersNearby, monster.AggroRadius) is { } netId)
        {
            Enter(MonsterState.Chase);
            TargetNetId = netId;
        }

        switch (State)
        {
            case MonsterState.Idle:
                idleRemaining ??= MinIdleSeconds + ((float)random.NextDouble() * (MaxIdleSeconds - MinIdleSeconds));
                idleRemaining -= dt;
                if (idleRemaining <= 0)
                {
                    var wanderTo = map is null
                        ? RandomPoints.InDisc(Home, monster.WanderRadius, random)
                        : RandomPoints.WalkableInDisc(Home, monster.WanderRadius, map, random, WanderTargetAttempts);
                    Enter(wanderTo is null ? MonsterState.Idle : MonsterState.Wander);
                    WanderTarget = wanderTo;
                }

                break;

            case MonsterState.Wander when WanderTarget is not { } target
                || self.DistanceTo(target) <= ArrivalDistance
                || stuckSeconds >= WanderStuckSeconds:
                Enter(MonsterState.Idle);
                break;

            case MonsterState.Chase:
                var chased = Find(playersNearby, TargetNetId);
                if (chased is not { } position
                    || (!engaged && self.DistanceTo(position) > GiveUpFactor * monster.AggroRadius)
                    || self.DistanceTo(Home) > monster.LeashRadius)
                {
                    Enter(MonsterState.Return);
                }

                break;

            case MonsterState.Return when self.DistanceTo(Home) <= ArrivalDistance:
                Enter(MonsterState.Idle);
                healed = true;
                break;

            case MonsterState.Return when stuckSeconds >= ReturnStuckSeconds:
                // No pathfinding yet: a wall between the monster and home would otherwise hold it here forever.
                Enter(MonsterState.Idle);
                healed = true;
                return new MonsterMove(Home.X - self.X, Home.Y - self.Y, SnapToHome: true);
        }

        return null;
    }

    private void TrackProgress(float dt, WorldPosition self)
    {
        if (previousPosition is not { } previous || previousStepLength <= 0)
        {
            return;
        }

        stuckSeconds = self.DistanceTo(previous) < previousStepLength * ProgressShare ? stuckSeconds + dt : 0f;
    }

    private void Enter(MonsterState state)
    {
        State = state;
        TargetNetId = null;
        engaged = false;
        WanderTarget = null;
        idleRemaining = null;
        previousPosition = null;
        previousStepLength = 0f;
        stuckSeconds = 0f;
    }

    private static int? NearestWithin(WorldPosition self, IReadOnlyList<(int NetId, WorldPosition Position)> players, float radius)
    {
        int? nearest = null;
        var nearestDistance = float.PositiveInfinity;
        foreach (var (netId, position) in players)
        {
            var distance = self.DistanceTo(position);
            if (distance <= radius && distance < nearestDistance)
            {
                nearest = netId;
                nearestDistance = distance;
            }
        }

        return nearest;
    }

    private static WorldPosition? Find(IReadOnlyList<(int NetId, WorldPosition Position)> players, int? netId)
    {
        foreach (var (id, position) in players)
        {
            if (id == netId)
            {
                return position;
            }
        }

        return null;
    }

    // Up to maxDistance straight towards goal, stopping stopDistance short of it.
    private static MonsterMove StepToward(WorldPosition self, WorldPosition goal, float maxDistance, float stopDistance)
    {
        var dx = goal.X - self.X;
        var dy = goal.Y - self.Y;
        var distance = MathF.Sqrt((dx * dx) + (dy * dy));
        var travel = MathF.Min(maxDistance, distance - stopDistance);
        if (!(travel > 0))
        {
            return MonsterMove.None;
        }

        var scale = travel / distance;
        return new MonsterMove(dx * scale, dy * scale);
    }
}
