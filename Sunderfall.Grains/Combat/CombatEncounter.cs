using Sunderfall.Content;
using Sunderfall.Content.Definitions;
using Sunderfall.Grains.Interfaces.Combat;

namespace Sunderfall.Grains.Combat;

/// <summary>
/// One fight: the monsters engaged together, the players who took part, each monster's threat, a random source of
/// its own (seeded) and the input log. Every roll - hit amounts as they happen, then loot when it ends - comes from
/// that random in log order, so <see cref="EncounterReplayer"/> reproduces the outcome from the record alone.
/// </summary>
public sealed class CombatEncounter
{
    private readonly Random random;
    private readonly Dictionary<int, ThreatTable> living = [];
    private readonly List<EncounterParticipant> participants = [];
    private readonly List<EncounterHit> hits = [];
    private readonly List<EncounterKill> kills = [];

    public CombatEncounter(Guid id, string zoneId, int seed, long startTick)
    {
        Id = id;
        ZoneId = zoneId;
        Seed = seed;
        StartTick = startTick;
        random = new Random(seed);
    }

    public Guid Id { get; }

    public string ZoneId { get; }

    public int Seed { get; }

    public long StartTick { get; }

    /// <summary>The last tick anything hostile happened in this encounter.</summary>
    public long LastActionTick { get; private set; }

    /// <summary>Net ids of the engaged monsters still alive.</summary>
    public IEnumerable<int> LivingMonsters => living.Keys;

    public IReadOnlyList<EncounterParticipant> Participants => participants;

    public IReadOnlyList<EncounterKill> Kills => kills;

    public bool Involves(int monsterNetId) => living.ContainsKey(monsterNetId);

    public bool HasParticipant(int netId) => participants.Exists(p => p.NetId == netId);

    public void AddMonster(int netId) => living.TryAdd(netId, new ThreatTable());

    /// <summary>A living monster leaves the fight (it gave up and walked home): its threat is forgotten.</summary>
    public void ReleaseMonster(int netId) => living.Remove(netId);

    public void AddParticipant(Guid playerId, int netId, string name)
    {
        if (!HasParticipant(netId))
        {
            participants.Add(new EncounterParticipant(playerId, netId, name));
        }
    }

    public ThreatTable? ThreatOf(int monsterNetId) => living.GetValueOrDefault(monsterNetId);

    /// <summary>Forgets a player in every threat table (it died or left).</summary>
    public void DropThreat(int playerNetId)
    {
        foreach (var table in living.Values)
        {
            table.Remove(playerNetId);
        }
    }

    /// <summary>
    /// Rolls one use of <paramref name="ability"/> by <paramref name="sourceNetId"/> against each target in order and
    /// logs it. Damage for abilities that do damage, healing otherwise.
    /// </summary>
    public EncounterHit Resolve(long tick, int sourceNetId, AbilityDefinition ability, int power, IReadOnlyList<(int NetId, int Armor)> targets)
    {
        ArgumentNullException.ThrowIfNull(ability);
        ArgumentNullException.ThrowIfNull(targets);
        var hit = Roll(random, tick, sourceNetId, ability, power, targets);
        hits.Add(hit);
        LastActionTick = tick;
        return hit;
    }

    /// <summary>Records a kill (the monster leaves the living) with the players who share its rewards.</summary>
    public void RecordKill(long tick, int monsterNetId, string monsterId, IReadOnlyList<Guid> sharers)
    {
        living.Remove(monsterNetId);
        kills.Add(new EncounterKill(tick, hits.Count, monsterNetId, monsterId, sharers));
        LastActionTick = tick;
    }

    /// <summary>Ends the fight: rolls the rewards of its kills and returns the record to commit.</summary>
    public EncounterRecord Finish(long tick, DateTimeOffset at, ContentCatalog content)
    {
        var grants = EncounterRewards.Roll(Id, kills, content, random, at);
        return new EncounterRecord(Id, ZoneId, Seed, StartTick, tick, at, [.. participants], [.. hits], [.. kills], grants);
    }

    /// <summary>The rolls of one ability use; shared with the replayer so both draw identically.</summary>
    internal static EncounterHit Roll(Random random, long tick, int sourceNetId, AbilityDefinition ability, int power, IReadOnlyList<(int NetId, int Armor)> targets)
    {
        var amounts = new int[targets.Count];
        var critical = new bool[targets.Count];
        for (var i = 0; i < targets.Count; i++)
        {
            amounts[i] = ability.Damage > 0
                ? CombatRules.RollDamage(ability.Damage, power, targets[i].Armor, random, out critical[i])
                : CombatRules.RollHeal(ability.Heal, power, random, out critical[i]);
        }

        return new EncounterHit(tick, sourceNetId, ability.Id, power, [.. targets.Select(t => t.NetId)], [.. targets.Select(t => t.Armor)], amounts, critical);
    }
}
