using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sunderfall.Content;
using Sunderfall.Grains.AntiCheat;
using Sunderfall.Grains.Combat;
using Sunderfall.Grains.Faults;
using Sunderfall.Grains.Interfaces.Chat;
using Sunderfall.Grains.Interfaces.Combat;
using Sunderfall.Grains.Interfaces.Common;
using Sunderfall.Grains.Interfaces.Players;
using Sunderfall.Grains.Interfaces.Zones;
using Sunderfall.Grains.Transactions;
using Sunderfall.Grains.World;
using Sunderfall.Grains.Zones.Simulation;

namespace Sunderfall.Grains.Zones;

/// <summary>
/// A zone instance on the cluster: runs its <see cref="ZoneSimulation"/> at the fixed tick and sends each subscribed
/// frontend one batch per tick (one-way). Live positions and vitals are checkpointed to player grains periodically,
/// on leaving and on deactivation, never per input; a checkpoint counts as saved only once acknowledged.
/// </summary>
public sealed class ZoneGrain(
    ContentCatalog content,
    IOptions<WorldOptions> worldOptions,
    TimeProvider clock,
    ICheatFlagSink cheatFlags,
    ITransactionLog transactions,
    ICrashPoints crashPoints,
    ZoneMetrics metrics,
    ILogger<ZoneGrain> logger)
    : Grain, IZoneGrain
{
    /// <summary>Most zone chat lines carried by one tick's batch; more wait for the next.</summary>
    public const int MaxChatPerTick = 50;

    /// <summary>Position checkpoints are taken in this many turns per checkpoint interval (see CheckpointSliceAsync).</summary>
    public const int CheckpointSlices = 8;

    /// <summary>
    /// How often a finished encounter not yet confirmed by its encounter grain is handed over again, and the last
    /// checkpoint of a departed player not yet acknowledged is sent again.
    /// </summary>
    public static readonly TimeSpan SettleRetryInterval = TimeSpan.FromSeconds(2);

    private static readonly IReadOnlyDictionary<Guid, long> NoAcks = new Dictionary<Guid, long>();
    private readonly WorldOptions world = worldOptions.Value;
    private readonly Dictionary<Guid, ZoneMember> members = [];
    private readonly Dictionary<string, FrontendLease> frontends = new(StringComparer.Ordinal);
    private readonly ZoneSuspicionMonitor suspicion = new(cheatFlags);
    private readonly Queue<ChatLine> chat = new();

    // When each input accepted since the last tick was taken (Stopwatch timestamps), for the zone's input-wait metric.
    private readonly List<long> inputsTakenAt = [];
    private long lastTickStart;

    // Finished encounters until their grain confirms the commit. Lost with this activation: a kill whose record was
    // never committed was never rewarded or reported to anyone, and the monster comes back with the zone.
    private readonly Dictionary<Guid, EncounterRecord> unsettled = [];
    private ZoneSimulation? simulation;
    private CheckpointSaver? checkpoints;
    private bool populationChanged;
    private int checkpointSlice;

    private string ZoneId => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (content.Zones.TryGetValue(ZoneInstances.Template(ZoneId), out var definition))
        {
            checkpoints = new CheckpointSaver(GrainFactory, ZoneId, logger);
            simulation = new ZoneSimulation(definition, content, world.PlayerSpeed, StableSeed(ZoneId), (float)world.TickInterval.TotalSeconds, ZoneId, Random.Shared.Next());
            this.RegisterGrainTimer(TickAsync, new GrainTimerCreationOptions(world.TickInterval, world.TickInterval));
            this.RegisterGrainTimer(SettleAsync, new GrainTimerCreationOptions(SettleRetryInterval, SettleRetryInterval));
            var slice = world.CheckpointInterval / CheckpointSlices;
            this.RegisterGrainTimer(CheckpointSliceAsync, new GrainTimerCreationOptions(slice, slice));
        }

        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        Checkpoint(_ => true, deactivating: true);
        checkpoints?.RetryDeparted();
        try
        {
            // Waited for here (the zone has no tick left to retry them): a save lost now is as a crash.
            await (checkpoints?.AllSentAsync() ?? Task.CompletedTask).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            logger.LogWarning("Zone {Zone} deactivates before every checkpoint was acknowledged", ZoneId);
        }

        // A last hand-over of fights not yet confirmed (a graceful shutdown or idle deactivation); unconfirmed after
        // this, they are lost with the zone, as on a crash, before anyone was told of a reward.
        await SettleAsync(cancellationToken);
        if (unsettled.Count > 0)
        {
            logger.LogWarning("Zone {Zone} deactivates with {Count} encounters not yet confirmed committed; handed over once more", ZoneId, unsettled.Count);
        }
    }

    public Task<GameResult<ZoneEntrySnapshot>> JoinAsync(ZoneJoinRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (simulation is null)
        {
            return Task.FromResult(GameResult<ZoneEntrySnapshot>.Failure(
                GameErrorCode.InvalidArgument, $"zone {ZoneId} does not exist; known zones: {string.Join(", ", content.Zones.Keys)}"));
        }

        var lease = RenewLease(request.FrontendId, request.Frontend);
        var netId = simulation.AddPlayer(request.PlayerId, request.Name, request.Position, request.Profile, request.Vitals);
        simulation.TryGetPlayer(request.PlayerId, out _, out var position);
        if (members.TryGetValue(request.PlayerId, out var member))
        {
            member.FrontendId = request.FrontendId;
            member.WorldSession = request.WorldSession;
            member.Lingering = false;
        }
        else
        {
            members.Add(request.PlayerId, new ZoneMember(request.FrontendId, request.WorldSession, position));
        }

        // Reported even when the count did not change: the directory counted this arrival when it assigned it.
        populationChanged = true;

        var zone = simulation.Zone;
        var entry = new ZoneEntrySnapshot(ZoneId, zone.Id, zone.Width, zone.Height, netId, zone.ViewRadius, (float)world.TickInterval.TotalMilliseconds);
        lease.Notices.Add(new PlayerNotice(request.PlayerId, PlayerNoticeKind.Arrived, netId, position, null, entry));
        return Task.FromResult(GameResult<ZoneEntrySnapshot>.Success(entry));
    }

    public Task<PlayerCheckpoint?> LeaveAsync(Guid playerId)
    {
        var departure = simulation?.Leave(playerId, (float)world.LogoutDelay.TotalSeconds);
        if (departure is { Lingering: true } && members.TryGetValue(playerId, out var member))
        {
            // Its body stays, hittable, until the logout delay runs out; the tick then saves its final state.
            member.Lingering = true;
        }
        else
        {
            populationChanged |= members.Remove(playerId);
        }

        return Task.FromResult(departure?.Checkpoint());
    }

    private void Taken(long at, int accepted, int refused)
    {
        metrics.InputsTaken(accepted, refused);
        for (var i = 0; i < accepted; i++)
        {
            inputsTakenAt.Add(at);
        }
    }

    private GameError? SubmitOne(Guid playerId, MoveInput input)
    {
        var error = simulation is null
            ? new GameError(GameErrorCode.NotInZone, $"zone {ZoneId} does not exist")
            : simulation.SubmitInput(playerId, input);
        suspicion.InputReceived(playerId, error);
        return error;
    }

    public Task<IReadOnlyList<MoveRefusal>> SubmitInputsAsync(IReadOnlyList<PlayerMoveInput> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var takenAt = Stopwatch.GetTimestamp();
        List<MoveRefusal>? refused = null;
        foreach (var (playerId, input) in inputs)
        {
            if (SubmitOne(playerId, input) is { } error)
            {
                (refused ??= []).Add(new MoveRefusal(playerId, input.Sequence, error));
            }
        }

        Taken(takenAt, inputs.Count - (refused?.Count ?? 0), refused?.Count ?? 0);

        return Task.FromResult<IReadOnlyList<MoveRefusal>>(refused ?? (IReadOnlyList<MoveRefusal>)[]);
    }

    public async Task<IReadOnlyList<Guid>> SubscribeAsync(string frontendId, IZoneObserver observer, IReadOnlyList<Guid> playerIds)
    {
        ArgumentNullException.ThrowIfNull(playerIds);
        RenewLease(frontendId, observer);
        var missing = new List<Guid>();
        foreach (var playerId in playerIds)
        {
            if (members.TryGetValue(playerId, out var member))
            {
                member.FrontendId = frontendId;
                continue;
            }

            // The frontend still serves this player but the zone does not know it: either the zone re-activated
            // (its silo was lost) and the player's saved state says it is here - restore it - or it moved on.
            var player = GrainFactory.GetGrain<IPlayerGrain>(playerId);
            var character = await player.GetAsync();
            if (simulation is not null && character is { InWorld: true } && character.ZoneId == ZoneId && !members.ContainsKey(playerId))
            {
                var profile = await player.GetCombatProfileAsync();
                var joined = await JoinAsync(new ZoneJoinRequest(
                    playerId, character.Name, character.Position, frontendId, observer, character.WorldSession, profile, character.Vitals));
                logger.LogInformation("Zone {Zone} restored player {Player} from its checkpoint: {Outcome}", ZoneId, playerId, joined.IsSuccess);
            }
            else if (!members.ContainsKey(playerId))
            {
                missing.Add(playerId);
            }
        }

        return missing;
    }

    public Task ResyncAsync(string frontendId)
    {
        if (frontends.TryGetValue(frontendId, out var lease))
        {
            lease.NeedsFull = true;
        }

        return Task.CompletedTask;
    }

    public Task<ZoneFrontend?> FrontendOfAsync(Guid playerId) => Task.FromResult(
        members.TryGetValue(playerId, out var member) && frontends.TryGetValue(member.FrontendId, out var lease)
            ? new ZoneFrontend(member.FrontendId, lease.Observer)
            : null);

    public Task<ZoneStatus> GetStatusAsync() => Task.FromResult(new ZoneStatus(
        ZoneId, simulation?.Tick ?? 0, simulation?.PlayerCount ?? 0, simulation?.MonsterCount ?? 0, simulation?.Corrections ?? 0, frontends.Count));

    private FrontendLease RenewLease(string frontendId, IZoneObserver observer)
    {
        if (frontends.TryGetValue(frontendId, out var lease))
        {
            lease.Observer = observer;
            lease.RenewedAt = clock.GetUtcNow();
            return lease;
        }

        lease = new FrontendLease(observer, clock.GetUtcNow());
        frontends.Add(frontendId, lease);
        return lease;
    }

    private Task TickAsync(CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        foreach (var takenAt in inputsTakenAt)
        {
            metrics.InputWaited(takenAt, start);
        }

        inputsTakenAt.Clear();
        ExpireFrontends();
        var now = clock.GetUtcNow();
        var result = simulation!.Step((float)world.TickInterval.TotalSeconds, now);
        Record(result.Combat, now);
        foreach (var crossing in result.Crossings)
        {
            if (members.Remove(crossing.PlayerId, out var member))
            {
                populationChanged = true;
                var portal = crossing.Portal;
                _ = GrainFactory.GetGrain<IPlayerGrain>(crossing.PlayerId).TransferAsync(
                    new ZoneTransferRequest(ZoneId, member.WorldSession, portal.TargetZone, new WorldPosition(portal.TargetX, portal.TargetY), crossing.Vitals));
                NoticeFor(member.FrontendId)?.Add(new PlayerNotice(crossing.PlayerId, PlayerNoticeKind.Departed, crossing.NetId, crossing.At, null));
            }
        }

        foreach (var departure in result.Departed)
        {
            if (members.Remove(departure.PlayerId, out var member))
            {
                populationChanged = true;
                checkpoints!.SaveDeparted(departure.PlayerId, member.WorldSession, departure.Checkpoint(final: true));
            }
        }

        foreach (var correction in result.Corrections)
        {
            suspicion.WallClipped(correction.PlayerId);
            if (members.TryGetValue(correction.PlayerId, out var member))
            {
                NoticeFor(member.FrontendId)?.Add(correction);
            }
        }

        foreach (var notice in result.Combat.Vitals.Concat(result.Combat.Fizzles))
        {
            if (members.TryGetValue(notice.PlayerId, out var member) && !member.Lingering)
            {
                NoticeFor(member.FrontendId)?.Add(notice);
            }
        }

        SendBatches(result, TakeChat());
        suspicion.EndTick(ZoneId, clock.GetUtcNow());
        if (populationChanged)
        {
            populationChanged = false;
            _ = GrainFactory.GetGrain<IZoneDirectoryGrain>(ZoneInstances.Template(ZoneId)).ReportPopulationAsync(ZoneId, members.Count);
        }

        metrics.Ticked(lastTickStart, start, Stopwatch.GetTimestamp());
        lastTickStart = start;
        return Task.CompletedTask;
    }

    private void SendBatches(ZoneTickResult result, IReadOnlyList<ChatLine>? lines)
    {
        var events = result.Combat.Events.Count > 0 ? result.Combat.Events.ToArray() : null;
        foreach (var (frontendId, lease) in frontends)
        {
            var acks = AcksFor(frontendId, result.Acks);
            ZoneTickBatch batch;
            if (lease.NeedsFull)
            {
                lease.NeedsFull = false;
                batch = new ZoneTickBatch(ZoneId, result.Tick, lease.Sequence + 1, true, simulation!.Entities(), [], [], [.. lease.Notices], acks, events, lines);
            }
            else if (!result.IsEmpty || lease.Notices.Count > 0 || lines is not null)
            {
                batch = new ZoneTickBatch(
                    ZoneId, result.Tick, lease.Sequence + 1, false, result.Spawned, result.Moved, result.Despawned, [.. lease.Notices], acks, events, lines);
            }
            else if (lease.ChangedLastTick)
            {
                // The first tick without changes after some: an empty batch tells the frontend the world stands still,
                // so it sends every client what it held back for its update rate (it would otherwise wait for a next
                // batch that a quiet zone never sends).
                batch = new ZoneTickBatch(ZoneId, result.Tick, lease.Sequence + 1, false, [], [], [], [], acks, events, lines);
            }
            else
            {
                continue;
            }

            lease.ChangedLastTick = batch.Full || batch.Spawned.Count > 0 || batch.Moved.Count > 0 || batch.Despawned.Count > 0;
            lease.Sequence++;
            lease.Notices.Clear();
            try
            {
                // One-way: returns at once; a dead frontend costs nothing here and is dropped when its lease ends.
                _ = lease.Observer.OnZoneTickAsync(batch);
                metrics.BatchSent();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Zone {Zone} could not send tick {Tick} to frontend {Frontend}", ZoneId, result.Tick, frontendId);
            }
        }
    }

    private List<ChatLine>? TakeChat()
    {
        if (chat.Count == 0)
        {
            return null;
        }

        var lines = new List<ChatLine>(Math.Min(chat.Count, MaxChatPerTick));
        while (lines.Count < MaxChatPerTick && chat.TryDequeue(out var line))
        {
            lines.Add(line);
        }

        return lines;
    }

    // Combat facts go to the transaction log; finished encounters are handed to their grains to commit.
    private void Record(ZoneCombatOutput fought, DateTimeOffset now)
    {
        foreach (var (playerId, abilityId, targetNetId, targetPlayerId, encounterId, amount) in fought.Uses)
        {
            transactions.Append(new TransactionEntry(now, TransactionKinds.AbilityUsed, playerId, targetPlayerId, encounterId, ZoneId,
                new Dictionary<string, object?> { ["ability"] = abilityId, ["target"] = targetNetId, ["amount"] = amount }));
        }

        foreach (var (monsterId, encounterId, killerId) in fought.Kills)
        {
            transactions.Append(new TransactionEntry(now, TransactionKinds.MonsterKilled, killerId, null, encounterId, ZoneId,
                new Dictionary<string, object?> { ["monster"] = monsterId }));
        }

        foreach (var (playerId, encounterId) in fought.Deaths)
        {
            transactions.Append(new TransactionEntry(now, TransactionKinds.PlayerDied, playerId, null, encounterId, ZoneId));
        }

        foreach (var record in fought.Finished)
        {
            crashPoints.Reached(CrashPoint.EncounterEnded);
            unsettled[record.EncounterId] = record;
            // One-way: the encounter grain commits to PostgreSQL on its own turn and confirms; until then we re-send.
            _ = GrainFactory.GetGrain<ICombatEncounterGrain>(record.EncounterId).SettleAsync(record);
        }
    }

    private Task SettleAsync(CancellationToken cancellationToken)
    {
        checkpoints?.RetryDeparted();
        foreach (var record in unsettled.Values)
        {
            _ = GrainFactory.GetGrain<ICombatEncounterGrain>(record.EncounterId).SettleAsync(record);
        }

        return Task.CompletedTask;
    }

    private IReadOnlyDictionary<Guid, long> AcksFor(string frontendId, IReadOnlyDictionary<Guid, long> acks)
    {
        Dictionary<Guid, long>? mine = null;
        foreach (var (playerId, sequence) in acks)
        {
            if (members.TryGetValue(playerId, out var member) && member.FrontendId == frontendId)
            {
                (mine ??= [])[playerId] = sequence;
            }
        }

        return mine ?? NoAcks;
    }

    private List<PlayerNotice>? NoticeFor(string frontendId) => frontends.TryGetValue(frontendId, out var lease) ? lease.Notices : null;

    private void ExpireFrontends()
    {
        var cutoff = clock.GetUtcNow() - world.FrontendLease;
        foreach (var (frontendId, _) in frontends.Where(f => f.Value.RenewedAt < cutoff).ToList())
        {
            frontends.Remove(frontendId);
            foreach (var (playerId, member) in members.Where(m => m.Value.FrontendId == frontendId && !m.Value.Lingering).ToList())
            {
                // Dropped with its frontend: as leaving, a player in combat leaves its body for the logout delay.
                var departure = simulation?.Leave(playerId, (float)world.LogoutDelay.TotalSeconds);
                if (departure is { Lingering: true })
                {
                    member.Lingering = true;
                    continue;
                }

                if (departure is not null)
                {
                    checkpoints!.SaveDeparted(playerId, member.WorldSession, departure.Checkpoint());
                }

                members.Remove(playerId);
                populationChanged = true;
            }

            logger.LogInformation("Zone {Zone} dropped frontend {Frontend}: its lease ran out", ZoneId, frontendId);
        }
    }

    /// <summary>
    /// Saves the moved positions of one slice of the players; the slices take turns, so each player is checkpointed
    /// once per <see cref="WorldOptions.CheckpointInterval"/> and the saves of a crowded zone are spread over the
    /// interval instead of reaching the player grains and PostgreSQL all in the same moment (which, every interval,
    /// delayed the ticks of a 400-player zone by a few hundred milliseconds).
    /// </summary>
    private Task CheckpointSliceAsync(CancellationToken cancellationToken)
    {
        var slice = checkpointSlice;
        checkpointSlice = (checkpointSlice + 1) % CheckpointSlices;
        Checkpoint(playerId => SliceOf(playerId) == slice);
        return Task.CompletedTask;
    }

    internal static int SliceOf(Guid playerId) => (int)((uint)playerId.GetHashCode() % CheckpointSlices);

    private void Checkpoint(Func<Guid, bool> due, bool deactivating = false)
    {
        if (simulation is null)
        {
            return;
        }

        foreach (var (playerId, member) in members)
        {
            // A lingering body is saved once, when its logout delay runs out (or the zone goes away): a Final checkpoint.
            if (!due(playerId) || (member.Lingering && !deactivating) || !simulation.TryGetPlayer(playerId, out _, out var position)
                || simulation.VitalsOf(playerId) is not { } vitals)
            {
                continue;
            }

            if (member.Lingering)
            {
                checkpoints!.SaveDeparted(playerId, member.WorldSession, new PlayerCheckpoint(position, vitals, Final: true));
            }
            else if (position != member.CheckpointedPosition || !vitals.SameAs(member.CheckpointedVitals))
            {
                // Marked saved only once the player grain acknowledged it; a failed save is sent again next slice.
                checkpoints!.Save(playerId, member, new PlayerCheckpoint(position, vitals));
            }
        }
    }

    public Task<GameError?> UseAbilityAsync(Guid playerId, AbilityRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var error = simulation is null
            ? new GameError(GameErrorCode.NotInZone, $"zone {ZoneId} does not exist")
            : simulation.UseAbility(playerId, request);
        suspicion.AbilityRefused(playerId, error);
        return Task.FromResult(error);
    }

    public Task UpdateProfileAsync(Guid playerId, CombatProfile profile)
    {
        simulation?.UpdateProfile(playerId, profile);
        return Task.CompletedTask;
    }

    public Task HealAsync(Guid playerId, int amount)
    {
        simulation?.Heal(playerId, amount);
        return Task.CompletedTask;
    }

    public Task BroadcastChatAsync(ChatLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        chat.Enqueue(line);
        return Task.CompletedTask;
    }

    public Task EncounterSettledAsync(Guid encounterId)
    {
        unsettled.Remove(encounterId);
        return Task.CompletedTask;
    }

    /// <summary>FNV-1a of the zone id: the same zone gets the same monster behaviour in every activation.</summary>
    private static int StableSeed(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)hash;
    }
}
