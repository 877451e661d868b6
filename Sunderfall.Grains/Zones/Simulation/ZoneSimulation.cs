using System.Globalization;
using Sunderfall.Content;
using Sunderfall.Content.Definitions;
using Sunderfall.Grains.Combat;
using Sunderfall.Grains.Interfaces.Common;
using Sunderfall.Grains.Interfaces.Players;
using Sunderfall.Grains.Interfaces.Zones;

namespace Sunderfall.Grains.Zones.Simulation;

/// <summary>
/// The authoritative simulation of one zone instance, free of Orleans: players walk by their latest input, monsters
/// think, walls block, portals take players away. Deterministic for a given seed and sequence of calls, so a tick
/// can be replayed and tested without a cluster.
/// </summary>
public sealed class ZoneSimulation
{
    private readonly ZoneDefinition zone;
    private readonly CollisionMap map;
    private readonly float playerSpeed;
    private readonly Random random;
    private readonly Dictionary<Guid, SimPlayer> players = [];
    private readonly List<SimMonster> monsters = [];
    private readonly List<ZoneEntityState> spawned = [];
    private readonly List<int> despawned = [];
    private readonly List<(int NetId, WorldPosition Position)> playerPositions = [];
    private readonly ZoneCombat combat;
    private int nextNetId = 1;

    /// <summary>
    /// A zone instance. <paramref name="seed"/> drives monsters and combat rolls; <paramref name="encounterSalt"/> is
    /// mixed into encounter seeds (give each activation a fresh one, so a restarted zone rolls differently).
    /// </summary>
    public ZoneSimulation(
        ZoneDefinition zone, ContentCatalog content, float playerSpeed, int seed, float tickSeconds = 0.05f, string? instanceId = null, int encounterSalt = 0)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(content);
        this.zone = zone;
        map = new CollisionMap(zone);
        this.playerSpeed = playerSpeed;
        random = new Random(seed);
        foreach (var point in zone.SpawnPoints)
        {
            var definition = content.Monsters[point.Monster];
            for (var i = 0; i < point.Count; i++)
            {
                var at = MonsterSpawner.PickSpawnPosition(point, map, random);
                var monster = new SimMonster(nextNetId++, definition, point, new MonsterBrain(definition, point, at, map), at);
                monsters.Add(monster);
                spawned.Add(State(monster));
            }
        }

        combat = new ZoneCombat(instanceId ?? zone.Id, content, map, new WorldPosition(zone.Spawn.X, zone.Spawn.Y), tickSeconds, random, encounterSalt, players, monsters);
    }

    /// <summary>Encounters being fought now.</summary>
    public int ActiveEncounters => combat.ActiveEncounters;

    public ZoneDefinition Zone => zone;

    public CollisionMap Map => map;

    public long Tick { get; private set; }

    /// <summary>Inputs refused or clipped since the zone started (a cheating signal when one player piles them up).</summary>
    public long Corrections { get; private set; }

    public int PlayerCount => players.Count;

    public int MonsterCount => monsters.Count;

    /// <summary>
    /// Adds a player (or returns the one already here, taking back a body left in the world by the logout delay) and
    /// returns its net id. <paramref name="vitals"/> is its saved combat state; null for a new character, which starts full.
    /// </summary>
    public int AddPlayer(Guid playerId, string name, WorldPosition position, CombatProfile? profile = null, CharacterVitals? vitals = null)
    {
        if (players.TryGetValue(playerId, out var existing))
        {
            if (profile is not null)
            {
                ZoneCombat.ApplyProfile(existing, profile, fill: false);
            }

            if (existing.LeaveTick is not null)
            {
                // Back within the logout delay: the body it left, as it stands now, is its again.
                existing.LeaveTick = null;
                existing.SentVitals = null;
            }

            return existing.NetId;
        }

        var start = map.IsWalkable(position) ? position : map.NearestWalkable(position);
        var player = new SimPlayer(playerId, nextNetId++, name, start) { Profile = profile ?? ZoneCombat.DefaultProfile };
        players.Add(playerId, player);
        combat.PlayerAdded(player, vitals, Tick);
        spawned.Add(State(player));
        return player.NetId;
    }

    /// <summary>
    /// A player leaving: one out of combat (or with no <paramref name="logoutDelaySeconds"/>) is removed at once; one in
    /// combat leaves its body standing, still hittable, for the delay (see <see cref="ZoneTickResult.Departed"/>).
    /// Returns its position and combat state now, or null if it was not here.
    /// </summary>
    public PlayerDeparture? Leave(Guid playerId, float logoutDelaySeconds)
    {
        if (!players.TryGetValue(playerId, out var player))
        {
            return null;
        }

        var vitals = combat.VitalsOf(player, Tick);
        if (player.LeaveTick is null && logoutDelaySeconds > 0 && combat.InCombat(player, Tick))
        {
            player.LeaveTick = Tick + combat.Ticks(logoutDelaySeconds);
            (player.DirX, player.DirY) = (0, 0);
            player.Pending = null;
            return new PlayerDeparture(playerId, player.Position, vitals, Lingering: true);
        }

        if (player.LeaveTick is not null)
        {
            return new PlayerDeparture(playerId, player.Position, vitals, Lingering: true);
        }

        RemovePlayer(playerId);
        return new PlayerDeparture(playerId, player.Position, vitals, Lingering: false);
    }

    /// <summary>The player's combat state as it would be saved now, or null if it is not here.</summary>
    public CharacterVitals? VitalsOf(Guid playerId) => players.TryGetValue(playerId, out var player) ? combat.VitalsOf(player, Tick) : null;

    /// <summary>True while the player's body stays in the world after it left in combat.</summary>
    public bool IsLingering(Guid playerId) => players.TryGetValue(playerId, out var player) && player.LeaveTick is not null;

    /// <summary>Removes a player at once; returns where it stood, or null if it was not here.</summary>
    public WorldPosition? RemovePlayer(Guid playerId)
    {
        if (!players.Remove(playerId, out var player))
        {
            return null;
        }

        combat.PlayerRemoved(player);

        // A player who came and went within one tick was never sent: nobody needs to hear it left.
        if (spawned.RemoveAll(s => s.NetId == player.NetId) == 0)
        {
            despawned.Add(player.NetId);
        }

        return player.Position;
    }

    public bool TryGetPlayer(Guid playerId, out int netId, out WorldPosition position)
    {
        var found = players.TryGetValue(playerId, out var player);
        (netId, position) = found ? (player!.NetId, player.Position) : (0, default);
        return found;
    }

    /// <summary>Queues a movement input for the next tick; returns why it was refused, or null.</summary>
    public GameError? SubmitInput(Guid playerId, MoveInput input)
    {
        if (!players.TryGetValue(playerId, out var player))
        {
            return new GameError(GameErrorCode.NotInZone, $"the player is not in zone {zone.Id}");
        }

        if (InputRules.Check(input) is { } error)
        {
            Corrections++;
            return error;
        }

        if (player.LeaveTick is not null)
        {
            return new GameError(GameErrorCode.NotInZone, $"the player left zone {zone.Id}; enter the world again");
        }

        if (player.Dead)
        {
            return new GameError(GameErrorCode.Dead, "you are dead and cannot move until you come back at the zone's spawn");
        }

        // Older or repeated inputs (reordered or resent by the network) change nothing.
        if (input.Sequence > player.ReceivedSequence)
        {
            player.ReceivedSequence = input.Sequence;
            player.DirX = input.DirX;
            player.DirY = input.DirY;
        }

        return null;
    }

    /// <summary>Queues an ability use for the next tick; returns why it was refused, or null.</summary>
    public GameError? UseAbility(Guid playerId, AbilityRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return players.TryGetValue(playerId, out var player) && player.LeaveTick is null
            ? combat.Queue(player, request, Tick)
            : new GameError(GameErrorCode.NotInZone, $"the player is not in zone {zone.Id}");
    }

    /// <summary>The player's class, level, stats or party changed.</summary>
    public void UpdateProfile(Guid playerId, CombatProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (players.TryGetValue(playerId, out var player))
        {
            ZoneCombat.ApplyProfile(player, profile, fill: false);
        }
    }

    /// <summary>Heals a living player (a potion); the change goes out with the next tick.</summary>
    public void Heal(Guid playerId, int amount)
    {
        if (players.TryGetValue(playerId, out var player))
        {
            combat.Heal(player, amount);
        }
    }

    /// <summary>Advances the zone by <paramref name="dt"/> seconds; <paramref name="now"/> stamps encounters that end.</summary>
    public ZoneTickResult Step(float dt, DateTimeOffset now = default)
    {
        Tick++;
        var moved = new List<ZoneMotion>();
        var corrections = new List<PlayerNotice>();
        var crossings = new List<PortalCrossing>();
        var acks = new Dictionary<Guid, long>();
        var fought = new ZoneCombatOutput();
        StepPlayers(dt, moved, corrections, crossings, acks);
        combat.Step(Tick, now, fought);
        StepMonsters(dt, moved);
        AddHealthChanges(moved, fought.Changed);
        var departed = RemoveLeftBodies(moved);

        var result = new ZoneTickResult(Tick, [.. spawned], moved, [.. despawned], crossings, corrections, acks, fought, departed);
        spawned.Clear();
        despawned.Clear();
        return result;
    }

    /// <summary>Every entity as it stands now (for a full batch).</summary>
    public IReadOnlyList<ZoneEntityState> Entities()
    {
        var all = new List<ZoneEntityState>(players.Count + monsters.Count);
        all.AddRange(players.Values.Select(State));
        all.AddRange(monsters.Where(m => m.Visible).Select(State));
        return all;
    }

    private void StepPlayers(float dt, List<ZoneMotion> moved, List<PlayerNotice> corrections, List<PortalCrossing> crossings, Dictionary<Guid, long> acks)
    {
        playerPositions.Clear();
        List<(SimPlayer Player, PortalDefinition Portal)>? leaving = null;
        foreach (var player in players.Values)
        {
            if (player.AppliedSequence != player.ReceivedSequence)
            {
                player.AppliedSequence = player.ReceivedSequence;
                acks[player.PlayerId] = player.AppliedSequence;
            }

            if (!player.Dead && (player.DirX != 0 || player.DirY != 0))
            {
                var (dx, dy) = (player.DirX * playerSpeed * dt, player.DirY * playerSpeed * dt);
                var from = player.Position;
                var reached = map.Move(from, dx, dy);
                var intended = new WorldPosition(from.X + dx, from.Y + dy);
                if (reached.DistanceTo(intended) > 0.01f && player.CorrectedSequence != player.AppliedSequence)
                {
                    player.CorrectedSequence = player.AppliedSequence;
                    Corrections++;
                    corrections.Add(new PlayerNotice(player.PlayerId, PlayerNoticeKind.Correction, player.NetId, reached, new GameError(
                        GameErrorCode.MoveRejected,
                        string.Create(CultureInfo.InvariantCulture, $"blocked at ({reached.X:0.##}, {reached.Y:0.##}): walls and the zone's edge cannot be crossed"))));
                }

                if (reached != from)
                {
                    player.Position = reached;
                    moved.Add(new ZoneMotion(player.NetId, reached.X, reached.Y, player.Health));
                    if (PortalAt(reached) is { } portal)
                    {
                        (leaving ??= []).Add((player, portal));
                    }
                }
            }

            if (!player.Dead)
            {
                // Monsters neither notice nor chase the dead: a chase whose target died ends and the monster walks home.
                playerPositions.Add((player.NetId, player.Position));
            }
        }

        foreach (var (player, portal) in leaving ?? [])
        {
            // Its combat state goes with it: a portal heals and refills nothing.
            crossings.Add(new PortalCrossing(player.PlayerId, player.NetId, portal, player.Position, combat.VitalsOf(player, Tick)));
            players.Remove(player.PlayerId);
            combat.PlayerRemoved(player);
            moved.RemoveAll(m => m.NetId == player.NetId);
            despawned.Add(player.NetId);
        }
    }

    // Bodies whose logout delay ran out leave the world with their state as it stands (dead or alive).
    private List<PlayerDeparture> RemoveLeftBodies(List<ZoneMotion> moved)
    {
        List<PlayerDeparture>? departed = null;
        foreach (var player in players.Values.Where(p => p.LeaveTick <= Tick).ToList())
        {
            (departed ??= []).Add(new PlayerDeparture(player.PlayerId, player.Position, combat.VitalsOf(player, Tick), Lingering: false));
            RemovePlayer(player.PlayerId);
            moved.RemoveAll(m => m.NetId == player.NetId);
        }

        return departed ?? [];
    }

    private void StepMonsters(float dt, List<ZoneMotion> moved)
    {
        foreach (var monster in monsters)
        {
            var wasVisible = monster.Visible;
            var move = monster.Brain.Tick(dt, monster.Position, playerPositions, random);
            if (monster.Brain.State == MonsterState.Dead)
            {
                if (monster.Brain.ReadyToRespawn)
                {
                    monster.Position = MonsterSpawner.PickSpawnPosition(monster.SpawnPoint, map, random);
                    monster.Brain.Respawn(monster.Position);
                    monster.Health = monster.Definition.MaxHealth;
                    monster.Visible = true;
                    spawned.Add(State(monster));
                }
                else if (wasVisible)
                {
                    monster.Visible = false;
                    despawned.Add(monster.NetId);
                }

                continue;
            }

            var health = monster.Brain.TakeHealed() ? monster.Definition.MaxHealth : monster.Health;
            var reached = move.SnapToHome ? monster.Brain.Home
                : move.Dx == 0 && move.Dy == 0 ? monster.Position
                : map.Move(monster.Position, move.Dx, move.Dy);
            if (reached != monster.Position || health != monster.Health)
            {
                monster.Position = reached;
                monster.Health = health;
                moved.Add(new ZoneMotion(monster.NetId, reached.X, reached.Y, health));
            }
        }
    }

    // Entities whose health changed (or that a respawn moved) are sent even if they did not walk; walkers' entries
    // get their health as it stands after combat.
    private void AddHealthChanges(List<ZoneMotion> moved, HashSet<int> changed)
    {
        if (changed.Count == 0)
        {
            return;
        }

        for (var i = 0; i < moved.Count; i++)
        {
            if (changed.Remove(moved[i].NetId) && Current(moved[i].NetId) is { } now)
            {
                moved[i] = now;
            }
        }

        foreach (var netId in changed)
        {
            if (Current(netId) is { } now)
            {
                moved.Add(now);
            }
        }
    }

    private ZoneMotion? Current(int netId)
    {
        if (combat.PlayerByNetId(netId) is { } player)
        {
            return new ZoneMotion(netId, player.Position.X, player.Position.Y, player.Health);
        }

        var monster = monsters.Find(m => m.NetId == netId);
        if (monster is { Visible: true })
        {
            return new ZoneMotion(netId, monster.Position.X, monster.Position.Y, monster.Health);
        }

        return null;
    }

    private PortalDefinition? PortalAt(WorldPosition position)
    {
        foreach (var portal in zone.Portals)
        {
            if (position.DistanceTo(new WorldPosition(portal.X, portal.Y)) <= portal.Radius)
            {
                return portal;
            }
        }

        return null;
    }

    private static ZoneEntityState State(SimPlayer p) =>
        new(p.NetId, EntityKind.Player, p.Name, p.Position.X, p.Position.Y, p.Health, p.MaxHealth, p.PlayerId);

    private static ZoneEntityState State(SimMonster m) =>
        new(m.NetId, EntityKind.Monster, m.Definition.Name, m.Position.X, m.Position.Y, m.Health, m.Definition.MaxHealth, Guid.Empty);
}
