using Sunderfall.Content;
using Sunderfall.Content.Definitions;
using Sunderfall.Grains.Interfaces.Combat;
using Sunderfall.Grains.Interfaces.Common;
using Sunderfall.Grains.Interfaces.Players;
using Sunderfall.Grains.Interfaces.Zones;
using Sunderfall.Grains.Zones.Simulation;

namespace Sunderfall.Grains.Combat;

/// <summary>
/// Combat in one zone instance, stepped by <see cref="ZoneSimulation"/> once per tick after players walk and before
/// monsters think: queued abilities resolve (casts start, then land), monsters strike whoever has the most threat,
/// the dead fall and come back, health and resource regenerate, and encounters whose monsters are all dead (or that
/// went quiet) end with their rewards rolled. Free of Orleans and of wall-clock time.
/// </summary>
public sealed class ZoneCombat
{
    /// <summary>The profile of a player whose grain sent none (a level 1 warrior with strike).</summary>
    public static readonly CombatProfile DefaultProfile = new(1, CharacterClass.Warrior, 100, 50, 10, 5, ["strike"], null);

    public const float PlayerRespawnSeconds = 5f;

    /// <summary>Players this close to a kill (alive, taking part or in a participant's party) share its rewards.</summary>
    public const float ShareRange = 60f;

    public const float RegenDelaySeconds = 5f;

    /// <summary>Share of maximum health regained per second out of combat.</summary>
    public const float HealthRegenShare = 0.02f;

    public const float ResourceRegenPerSecond = 5f;

    /// <summary>An encounter none of whose living monsters has chased or struck for this long ends.</summary>
    public const float EncounterQuietSeconds = 4f;

    /// <summary>Vitals that only regenerate are sent at most this often (in ticks); deaths and casts at once.</summary>
    public const int VitalsEveryTicks = 5;

    private static readonly Dictionary<string, float> EmptyCooldowns = new(StringComparer.Ordinal);

    private readonly string zoneId;
    private readonly ContentCatalog content;
    private readonly CollisionMap map;
    private readonly WorldPosition spawn;
    private readonly float tickSeconds;
    private readonly Random random;
    private readonly int encounterSalt;
    private readonly Dictionary<Guid, SimPlayer> players;
    private readonly List<SimMonster> monsters;
    private readonly List<CombatEncounter> encounters = [];
    private readonly Dictionary<int, SimPlayer> playersByNetId = [];
    private readonly List<CombatEvent> between = [];
    private readonly HashSet<int> betweenChanged = [];
    private DateTimeOffset now;

    internal ZoneCombat(string zoneId, ContentCatalog content, CollisionMap map, WorldPosition spawn, float tickSeconds, Random random,
        int encounterSalt, Dictionary<Guid, SimPlayer> players, List<SimMonster> monsters)
    {
        this.encounterSalt = encounterSalt;
        this.zoneId = zoneId;
        this.content = content;
        this.map = map;
        this.spawn = spawn;
        this.tickSeconds = tickSeconds;
        this.random = random;
        this.players = players;
        this.monsters = monsters;
    }

    public int ActiveEncounters => encounters.Count;

    internal SimPlayer? PlayerByNetId(int netId) => playersByNetId.GetValueOrDefault(netId);

    /// <summary>
    /// A player entering the zone: a new character (no saved <paramref name="vitals"/>) starts full; anyone else comes
    /// back exactly as saved - health, resource, cooldowns, and death with the time left until the respawn.
    /// </summary>
    internal void PlayerAdded(SimPlayer player, CharacterVitals? vitals, long tick)
    {
        playersByNetId[player.NetId] = player;
        ApplyProfile(player, player.Profile, fill: vitals is null);
        if (vitals is null)
        {
            return;
        }

        player.Resource = Math.Clamp(vitals.Resource, 0, player.Profile.MaxResource);
        player.Dead = vitals.Dead;
        player.Health = vitals.Dead ? 0 : Math.Clamp(vitals.Health, 1, player.MaxHealth);
        player.RespawnTick = vitals.Dead ? tick + Ticks(vitals.RespawnSeconds) : 0;
        foreach (var (abilityId, seconds) in vitals.Cooldowns)
        {
            if (seconds > 0)
            {
                player.Cooldowns[abilityId] = tick + Ticks(seconds);
            }
        }
    }

    /// <summary>The player's combat state to save: what it would come back with.</summary>
    internal CharacterVitals VitalsOf(SimPlayer player, long tick)
    {
        Dictionary<string, float>? cooldowns = null;
        foreach (var (abilityId, ready) in player.Cooldowns)
        {
            if (ready > tick)
            {
                (cooldowns ??= new(StringComparer.Ordinal))[abilityId] = (ready - tick) * tickSeconds;
            }
        }

        return new CharacterVitals(player.Health, player.Resource, player.Dead, player.Dead ? Math.Max(0, player.RespawnTick - tick) * tickSeconds : 0,
            cooldowns ?? (IReadOnlyDictionary<string, float>)EmptyCooldowns);
    }

    /// <summary>
    /// In combat: it struck or was struck within the regeneration delay, or a living monster is chasing it. Leaving
    /// then keeps its body in the world for the logout delay.
    /// </summary>
    internal bool InCombat(SimPlayer player, long tick) =>
        !player.Dead && (tick - player.LastCombatTick <= Ticks(RegenDelaySeconds)
            || monsters.Exists(m => IsAlive(m) && m.Brain.State == MonsterState.Chase && m.Brain.TargetNetId == player.NetId));

    internal void PlayerRemoved(SimPlayer player)
    {
        playersByNetId.Remove(player.NetId);
        foreach (var encounter in encounters)
        {
            encounter.DropThreat(player.NetId);
        }
    }

    internal static void ApplyProfile(SimPlayer player, CombatProfile profile, bool fill)
    {
        player.Profile = profile;
        player.MaxHealth = Math.Max(1, profile.MaxHealth);
        player.Health = fill ? player.MaxHealth : Math.Min(player.Health, player.MaxHealth);
        player.Resource = fill ? profile.MaxResource : Math.Min(player.Resource, profile.MaxResource);
    }

    internal GameError? Queue(SimPlayer player, AbilityRequest request, long tick)
    {
        if (request.AbilityId is null || !content.Abilities.TryGetValue(request.AbilityId, out var ability))
        {
            return new GameError(GameErrorCode.InvalidArgument, $"unknown ability '{request.AbilityId}'; this character knows: {string.Join(", ", player.Profile.Abilities)}");
        }

        if (AbilityChecks.Check(player, ability, TargetOf(player, ability, request.TargetNetId), map, tick, tickSeconds, resolving: false) is { } refused)
        {
            return refused;
        }

        player.Pending = new PendingAbility(ability, request.TargetNetId, tick + 1, Casting: false);
        return null;
    }

    internal void Heal(SimPlayer player, int amount)
    {
        if (player.Dead || amount <= 0)
        {
            return;
        }

        var healed = Math.Min(amount, player.MaxHealth - player.Health);
        player.Health += healed;
        between.Add(new CombatEvent(CombatEventKind.Heal, player.NetId, player.NetId, "", healed, false));
        betweenChanged.Add(player.NetId);
    }

    internal void Step(long tick, DateTimeOffset now, ZoneCombatOutput output)
    {
        // What happened between ticks (potions) goes out with this tick.
        output.Events.AddRange(between);
        output.Changed.UnionWith(betweenChanged);
        between.Clear();
        betweenChanged.Clear();
        this.now = now;
        Respawn(tick, output);
        foreach (var player in players.Values)
        {
            if (player.Pending is { } pending && pending.ResolveTick <= tick)
            {
                ResolvePlayerAbility(player, pending, tick, output);
            }
        }

        StepMonsters(tick, output);
        EndEncounters(tick, output);
        Regenerate(tick);
        SendVitals(tick, output);
    }

    private void ResolvePlayerAbility(SimPlayer player, PendingAbility pending, long tick, ZoneCombatOutput output)
    {
        player.Pending = null;
        var ability = pending.Ability;
        var target = TargetOf(player, ability, pending.TargetNetId);
        if (AbilityChecks.Check(player, ability, target, map, tick, tickSeconds, resolving: true) is { } refused)
        {
            // The target died or walked away since the request was accepted: the use fizzles, nothing is spent, and the
            // player hears why (the request itself was answered as accepted).
            output.Fizzles.Add(new PlayerNotice(player.PlayerId, PlayerNoticeKind.AbilityFizzled, player.NetId, player.Position,
                refused with { Message = $"{ability.Id} did not land: {refused.Message}" }));
            return;
        }

        if (ability.CastSeconds > 0 && !pending.Casting)
        {
            player.Pending = pending with { ResolveTick = tick + Ticks(ability.CastSeconds), Casting = true };
            output.Events.Add(new CombatEvent(CombatEventKind.CastStarted, player.NetId, target!.Value.NetId, ability.Id, 0, false));
            return;
        }

        player.Resource -= ability.ResourceCost;
        player.Cooldowns[ability.Id] = tick + Ticks(ability.CooldownSeconds);
        player.LastCombatTick = tick;
        output.Events.Add(new CombatEvent(CombatEventKind.AbilityUsed, player.NetId, target!.Value.NetId, ability.Id, 0, false));
        if (ability.Target == AbilityTargets.Enemy)
        {
            StrikeMonsters(player, ability, target.Value, tick, output);
        }
        else
        {
            HealPlayers(player, ability, target.Value, tick, output);
        }
    }

    private void StrikeMonsters(SimPlayer player, AbilityDefinition ability, ZoneCombatTarget target, long tick, ZoneCombatOutput output)
    {
        var primary = monsters.First(m => m.NetId == target.NetId);
        var hit = ability.AreaRadius > 0
            ? monsters.Where(m => IsAlive(m) && m.Position.DistanceTo(target.Position) <= ability.AreaRadius).ToList()
            : [primary];

        // Unengaged monsters join the primary target's fight; monsters already fighting elsewhere roll in their own.
        var main = primary.Encounter ?? Start(tick);
        foreach (var group in hit.GroupBy(m => m.Encounter ?? main))
        {
            var encounter = group.Key;
            encounter.AddParticipant(player.PlayerId, player.NetId, player.Name);
            var struck = group.ToList();
            foreach (var monster in struck)
            {
                Engage(monster, encounter, tick);
            }

            var result = encounter.Resolve(tick, player.NetId, ability, player.Profile.Power, [.. struck.Select(m => (m.NetId, Armor(m)))]);
            output.Uses.Add((player.PlayerId, ability.Id, target.NetId, null, encounter.Id, result.Amounts.Sum()));
            for (var i = 0; i < struck.Count; i++)
            {
                var monster = struck[i];
                var amount = Math.Min(result.Amounts[i], monster.Health);
                monster.Health -= amount;
                output.Changed.Add(monster.NetId);
                output.Events.Add(new CombatEvent(CombatEventKind.Damage, player.NetId, monster.NetId, ability.Id, result.Amounts[i], result.Critical[i]));
                encounter.ThreatOf(monster.NetId)?.Add(player.NetId, result.Amounts[i]);
                monster.Brain.Engage(encounter.ThreatOf(monster.NetId)?.Top(IsTargetable) ?? player.NetId);
                if (monster.Health <= 0)
                {
                    Kill(monster, encounter, player, ability.Id, tick, output);
                }
            }
        }
    }

    private void HealPlayers(SimPlayer healer, AbilityDefinition ability, ZoneCombatTarget target, long tick, ZoneCombatOutput output)
    {
        var healed = ability.AreaRadius > 0
            ? players.Values.Where(p => !p.Dead && p.Position.DistanceTo(target.Position) <= ability.AreaRadius).OrderBy(p => p.NetId).ToList()
            : [playersByNetId[target.NetId]];

        // Healing is rolled in the first encounter the healer or a healed player is in (or a new one when none is),
        // and draws threat from every monster fighting the healed players.
        var fights = encounters.Where(e => healed.Exists(p => e.HasParticipant(p.NetId)) || e.HasParticipant(healer.NetId)).ToList();
        var encounter = fights.FirstOrDefault() ?? Start(tick);
        encounter.AddParticipant(healer.PlayerId, healer.NetId, healer.Name);
        var result = encounter.Resolve(tick, healer.NetId, ability, healer.Profile.Power, [.. healed.Select(p => (p.NetId, 0))]);
        output.Uses.Add((healer.PlayerId, ability.Id, target.NetId, playersByNetId[target.NetId].PlayerId, encounter.Id, result.Amounts.Sum()));
        for (var i = 0; i < healed.Count; i++)
        {
            var patient = healed[i];
            var amount = Math.Min(result.Amounts[i], patient.MaxHealth - patient.Health);
            patient.Health += amount;
            output.Changed.Add(patient.NetId);
            output.Events.Add(new CombatEvent(CombatEventKind.Heal, healer.NetId, patient.NetId, ability.Id, amount, result.Critical[i]));
            foreach (var fight in fights)
            {
                fight.AddParticipant(healer.PlayerId, healer.NetId, healer.Name);
                foreach (var monsterNetId in fight.LivingMonsters)
                {
                    fight.ThreatOf(monsterNetId)?.Add(healer.NetId, amount / 2.0);
                }
            }
        }
    }

    private void StepMonsters(long tick, ZoneCombatOutput output)
    {
        foreach (var monster in monsters)
        {
            if (!IsAlive(monster))
            {
                continue;
            }

            if (monster.Encounter is { } encounter)
            {
                if (monster.Brain.State == MonsterState.Return)
                {
                    // It gave up and is walking home (where it heals): it leaves the fight.
                    Release(monster);
                    continue;
                }

                if (encounter.ThreatOf(monster.NetId)?.Top(IsTargetable) is { } top)
                {
                    monster.Brain.Engage(top);
                }
            }

            if (monster.Brain.State != MonsterState.Chase || monster.Brain.TargetNetId is not { } targetNetId
                || !playersByNetId.TryGetValue(targetNetId, out var victim) || victim.Dead)
            {
                continue;
            }

            monster.LastEngagedTick = tick;
            var distance = monster.Position.DistanceTo(victim.Position);
            var ability = ReadyAbility(monster, distance, tick);
            if (ability is null)
            {
                continue;
            }

            var fight = monster.Encounter ?? Start(tick);
            Engage(monster, fight, tick);
            fight.AddParticipant(victim.PlayerId, victim.NetId, victim.Name);
            fight.ThreatOf(monster.NetId)?.Add(victim.NetId, 0);
            monster.Cooldowns[ability.Id] = tick + Ticks(ability.CooldownSeconds);
            var result = fight.Resolve(tick, monster.NetId, ability, monster.Definition.Level * 2, [(victim.NetId, victim.Profile.Armor)]);
            var amount = Math.Min(result.Amounts[0], victim.Health);
            victim.Health -= amount;
            victim.LastCombatTick = tick;
            output.Changed.Add(victim.NetId);
            output.Events.Add(new CombatEvent(CombatEventKind.Damage, monster.NetId, victim.NetId, ability.Id, result.Amounts[0], result.Critical[0]));
            if (victim.Health <= 0)
            {
                Die(victim, fight, monster.NetId, tick, output);
            }
        }
    }

    private AbilityDefinition? ReadyAbility(SimMonster monster, float distance, long tick)
    {
        foreach (var id in monster.Definition.Abilities)
        {
            if (content.Abilities.TryGetValue(id, out var ability) && ability.Damage > 0 && distance <= ability.Range
                && (!monster.Cooldowns.TryGetValue(id, out var ready) || ready <= tick))
            {
                return ability;
            }
        }

        return null;
    }

    private void Kill(SimMonster monster, CombatEncounter encounter, SimPlayer killer, string abilityId, long tick, ZoneCombatOutput output)
    {
        monster.Health = 0;
        monster.Brain.Kill();
        monster.Encounter = null;
        encounter.RecordKill(tick, monster.NetId, monster.Definition.Id, Sharers(encounter, monster.Position));
        output.Events.Add(new CombatEvent(CombatEventKind.Died, killer.NetId, monster.NetId, abilityId, 0, false));
        output.Kills.Add((monster.Definition.Id, encounter.Id, killer.PlayerId));
    }

    private void Die(SimPlayer victim, CombatEncounter encounter, int killerNetId, long tick, ZoneCombatOutput output)
    {
        victim.Health = 0;
        victim.Dead = true;
        victim.Pending = null;
        (victim.DirX, victim.DirY) = (0, 0);
        victim.RespawnTick = tick + Ticks(PlayerRespawnSeconds);
        foreach (var fight in encounters)
        {
            fight.DropThreat(victim.NetId);
        }

        output.Events.Add(new CombatEvent(CombatEventKind.Died, killerNetId, victim.NetId, "", 0, false));
        output.Deaths.Add((victim.PlayerId, encounter.Id));
    }

    private void Respawn(long tick, ZoneCombatOutput output)
    {
        foreach (var player in players.Values)
        {
            if (player.Dead && player.RespawnTick <= tick)
            {
                player.Dead = false;
                player.Health = player.MaxHealth;
                player.Resource = player.Profile.MaxResource;
                player.Position = map.IsWalkable(spawn) ? spawn : map.NearestWalkable(spawn);
                output.Changed.Add(player.NetId);
                output.Events.Add(new CombatEvent(CombatEventKind.Respawned, player.NetId, player.NetId, "", 0, false));
            }
        }
    }

    private void EndEncounters(long tick, ZoneCombatOutput output)
    {
        var quietTicks = Ticks(EncounterQuietSeconds);
        for (var i = encounters.Count - 1; i >= 0; i--)
        {
            var encounter = encounters[i];
            var fighting = monsters.Where(m => m.Encounter == encounter).ToList();
            var quiet = fighting.TrueForAll(m => tick - m.LastEngagedTick > quietTicks) && tick - encounter.LastActionTick > quietTicks;
            if (fighting.Count > 0 && !quiet)
            {
                continue;
            }

            foreach (var monster in fighting)
            {
                Release(monster);
            }

            encounters.RemoveAt(i);
            if (encounter.Kills.Count > 0)
            {
                output.Finished.Add(encounter.Finish(tick, now, content));
            }
        }
    }

    private void Regenerate(long tick)
    {
        var quiet = Ticks(RegenDelaySeconds);
        foreach (var player in players.Values)
        {
            if (player.Dead)
            {
                continue;
            }

            player.Resource = MathF.Min(player.Profile.MaxResource, player.Resource + (ResourceRegenPerSecond * tickSeconds));
            if (player.Health < player.MaxHealth && tick - player.LastCombatTick > quiet)
            {
                player.RegenCarry += player.MaxHealth * HealthRegenShare * tickSeconds;
                var whole = (int)player.RegenCarry;
                if (whole > 0)
                {
                    player.RegenCarry -= whole;
                    player.Health = Math.Min(player.MaxHealth, player.Health + whole);
                }
            }
        }
    }

    private void SendVitals(long tick, ZoneCombatOutput output)
    {
        foreach (var player in players.Values)
        {
            var vitals = new PlayerVitals(player.Health, player.MaxHealth, (int)player.Resource, player.Profile.MaxResource, player.Dead,
                player.Pending is { Casting: true } cast ? cast.Ability.Id : null);
            if (vitals == player.SentVitals)
            {
                continue;
            }

            var urgent = player.SentVitals is not { } sent || sent.Dead != vitals.Dead || sent.Casting != vitals.Casting || sent.Health != vitals.Health
                || sent.MaxHealth != vitals.MaxHealth;
            if (urgent || tick - player.SentVitalsTick >= VitalsEveryTicks)
            {
                player.SentVitals = vitals;
                player.SentVitalsTick = tick;
                output.Vitals.Add(new PlayerNotice(player.PlayerId, PlayerNoticeKind.Vitals, player.NetId, player.Position, null, Vitals: vitals));
            }
        }
    }

    private List<Guid> Sharers(CombatEncounter encounter, WorldPosition at)
    {
        var parties = encounter.Participants
            .Select(p => playersByNetId.GetValueOrDefault(p.NetId)?.Profile.PartyId)
            .OfType<Guid>()
            .ToHashSet();
        return [.. players.Values
            .Where(p => !p.Dead && p.Position.DistanceTo(at) <= ShareRange
                && (encounter.HasParticipant(p.NetId) || (p.Profile.PartyId is { } party && parties.Contains(party))))
            .OrderBy(p => p.NetId)
            .Select(p => p.PlayerId)];
    }

    private ZoneCombatTarget? TargetOf(SimPlayer player, AbilityDefinition ability, int targetNetId)
    {
        if (ability.Target == AbilityTargets.Enemy)
        {
            var monster = monsters.Find(m => m.NetId == targetNetId);
            return monster is not null && IsAlive(monster) ? new ZoneCombatTarget(monster.NetId, monster.Position) : null;
        }

        if (ability.Target == AbilityTargets.Self || targetNetId == 0 || targetNetId == player.NetId)
        {
            return new ZoneCombatTarget(player.NetId, player.Position);
        }

        return playersByNetId.TryGetValue(targetNetId, out var ally) && !ally.Dead ? new ZoneCombatTarget(ally.NetId, ally.Position) : null;
    }

    private CombatEncounter Start(long tick)
    {
        // Ids must be unique across every activation of every zone (the ledger commits once per id), so they are
        // not drawn from the zone's seeded random; seeds are, mixed with this activation's salt so that a restarted
        // zone does not roll the same loot in the same order. The seed is in the record, so replays stay exact.
        var encounter = new CombatEncounter(Guid.CreateVersion7(), zoneId, random.Next() ^ encounterSalt, tick);
        encounters.Add(encounter);
        return encounter;
    }

    private static void Engage(SimMonster monster, CombatEncounter encounter, long tick)
    {
        monster.Encounter = encounter;
        monster.LastEngagedTick = tick;
        encounter.AddMonster(monster.NetId);
    }

    private static void Release(SimMonster monster)
    {
        monster.Encounter?.ReleaseMonster(monster.NetId);
        monster.Encounter = null;
    }

    private bool IsTargetable(int netId) => playersByNetId.TryGetValue(netId, out var player) && !player.Dead;

    private static bool IsAlive(SimMonster monster) => monster.Visible && monster.Brain.State != MonsterState.Dead;

    private static int Armor(SimMonster monster) => monster.Definition.Level * 2;

    internal long Ticks(float seconds) => Math.Max(1, (long)MathF.Ceiling(seconds / tickSeconds - 0.001f));
}
