using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sunderfall.Content;
using Sunderfall.Grains.AntiCheat;
using Sunderfall.Grains.Combat;
using Sunderfall.Grains.Faults;
using Sunderfall.Grains.Interfaces.Chat;
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
    /// <summary>
    /// How often a finished encounter not yet confirmed by its encounter grain is handed over again, and the last
    /// checkpoint of a departed player not yet acknowledged is sent again.
    /// </summary>
    public static readonly TimeSpan SettleRetryInterval = TimeSpan.FromSeconds(2);

    private readonly WorldOptions world = worldOptions.Value;
    private readonly ZoneRoster roster = new();
    private readonly ZoneSuspicionMonitor suspicion = new(cheatFlags);

    // When each input accepted since the last tick was taken (Stopwatch timestamps), for the zone's input-wait metric.
    private readonly List<long> inputsTakenAt = [];
    private long lastTickStart;
    private ZoneSimulation? simulation;
    private CheckpointSaver? checkpoints;
    private ZoneBroadcast? broadcast;
    private EncounterSettlement? settlement;

    private string ZoneId => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (content.Zones.TryGetValue(ZoneInstances.Template(ZoneId), out var definition))
        {
            checkpoints = new CheckpointSaver(GrainFactory, ZoneId, logger);
            broadcast = new ZoneBroadcast(ZoneId, metrics, logger);
            settlement = new EncounterSettlement(GrainFactory, transactions, crashPoints, ZoneId);
            simulation = new ZoneSimulation(definition, content, world.PlayerSpeed, StableSeed(ZoneId), (float)world.TickInterval.TotalSeconds, ZoneId, Random.Shared.Next());
            this.RegisterGrainTimer(TickAsync, new GrainTimerCreationOptions(world.TickInterval, world.TickInterval));
            this.RegisterGrainTimer(SettleAsync, new GrainTimerCreationOptions(SettleRetryInterval, SettleRetryInterval));
            var slice = world.CheckpointInterval / CheckpointSaver.Slices;
            this.RegisterGrainTimer(CheckpointSliceAsync, new GrainTimerCreationOptions(slice, slice));
        }

        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (simulation is not null)
        {
            checkpoints!.SaveAll(simulation, roster, deactivating: true);
            checkpoints.RetryDeparted();
        }

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
        if (settlement?.Unsettled > 0)
        {
            logger.LogWarning("Zone {Zone} deactivates with {Count} encounters not yet confirmed committed; handed over once more", ZoneId, settlement.Unsettled);
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

        var lease = roster.RenewLease(request.FrontendId, request.Frontend, clock.GetUtcNow());
        var netId = simulation.AddPlayer(request.PlayerId, request.Name, request.Position, request.Profile, request.Vitals);
        simulation.TryGetPlayer(request.PlayerId, out _, out var position);
        roster.Join(request.PlayerId, request.FrontendId, request.WorldSession, position);

        var zone = simulation.Zone;
        var entry = new ZoneEntrySnapshot(ZoneId, zone.Id, zone.Width, zone.Height, netId, zone.ViewRadius, (float)world.TickInterval.TotalMilliseconds);
        lease.Notices.Add(new PlayerNotice(request.PlayerId, PlayerNoticeKind.Arrived, netId, position, null, entry));
        return Task.FromResult(GameResult<ZoneEntrySnapshot>.Success(entry));
    }

    public Task<PlayerCheckpoint?> LeaveAsync(Guid playerId)
    {
        var departure = simulation?.Leave(playerId, (float)world.LogoutDelay.TotalSeconds);
        if (departure is { Lingering: true } && roster.TryGet(playerId, out var member))
        {
            // Its body stays, hittable, until the logout delay runs out; the tick then saves its final state.
            member.Lingering = true;
        }
        else
        {
            roster.Remove(playerId, out _);
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

    public async Task<IReadOnlyList<Guid>> SubscribeAsync(string frontendId, FrontendObservers observers, IReadOnlyList<Guid> playerIds)
    {
        ArgumentNullException.ThrowIfNull(playerIds);
        roster.RenewLease(frontendId, observers, clock.GetUtcNow());
        var missing = new List<Guid>();
        foreach (var playerId in playerIds)
        {
            if (roster.TryGet(playerId, out var member))
            {
                member.FrontendId = frontendId;
                continue;
            }

            // The frontend still serves this player but the zone does not know it: either the zone re-activated
            // (its silo was lost) and the player's saved state says it is here - restore it - or it moved on.
            var player = GrainFactory.GetGrain<IPlayerGrain>(playerId);
            var character = await player.GetAsync();
            if (simulation is not null && character is { InWorld: true } && character.ZoneId == ZoneId && !roster.Contains(playerId))
            {
                var profile = await player.GetCombatProfileAsync();
                var joined = await JoinAsync(new ZoneJoinRequest(
                    playerId, character.Name, character.Position, frontendId, observers, character.WorldSession, profile, character.Vitals));
                logger.LogInformation("Zone {Zone} restored player {Player} from its checkpoint: {Outcome}", ZoneId, playerId, joined.IsSuccess);
            }
            else if (!roster.Contains(playerId))
            {
                missing.Add(playerId);
            }
        }

        return missing;
    }

    public Task ResyncAsync(string frontendId)
    {
        if (roster.Frontends.TryGetValue(frontendId, out var lease))
        {
            lease.NeedsFull = true;
        }

        return Task.CompletedTask;
    }

    public Task<ZoneFrontend?> FrontendOfAsync(Guid playerId) => Task.FromResult(roster.FrontendOf(playerId));

    public Task<ZoneStatus> GetStatusAsync() => Task.FromResult(new ZoneStatus(
        ZoneId, simulation?.Tick ?? 0, simulation?.PlayerCount ?? 0, simulation?.MonsterCount ?? 0, simulation?.Corrections ?? 0, roster.FrontendCount));

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
        settlement!.Record(result.Combat, now);
        foreach (var crossing in result.Crossings)
        {
            if (roster.Remove(crossing.PlayerId, out var member))
            {
                var portal = crossing.Portal;
                _ = GrainFactory.GetGrain<IPlayerGrain>(crossing.PlayerId).TransferAsync(
                    new ZoneTransferRequest(ZoneId, member.WorldSession, portal.TargetZone, new WorldPosition(portal.TargetX, portal.TargetY), crossing.Vitals));
                roster.NoticesFor(member.FrontendId)?.Add(new PlayerNotice(crossing.PlayerId, PlayerNoticeKind.Departed, crossing.NetId, crossing.At, null));
            }
        }

        foreach (var departure in result.Departed)
        {
            if (roster.Remove(departure.PlayerId, out var member))
            {
                checkpoints!.SaveDeparted(departure.PlayerId, member.WorldSession, departure.Checkpoint(final: true));
            }
        }

        foreach (var correction in result.Corrections)
        {
            suspicion.WallClipped(correction.PlayerId);
            roster.Notify(correction, evenIfLingering: true);
        }

        foreach (var notice in result.Combat.Vitals.Concat(result.Combat.Fizzles))
        {
            roster.Notify(notice);
        }

        broadcast!.Send(roster, result, simulation.Entities);
        suspicion.EndTick(ZoneId, clock.GetUtcNow());
        if (roster.TakePopulationChange())
        {
            _ = GrainFactory.GetGrain<IZoneDirectoryGrain>(ZoneInstances.Template(ZoneId)).ReportPopulationAsync(ZoneId, roster.MemberCount);
        }

        metrics.Ticked(lastTickStart, start, Stopwatch.GetTimestamp());
        lastTickStart = start;
        return Task.CompletedTask;
    }

    private Task SettleAsync(CancellationToken cancellationToken)
    {
        checkpoints?.RetryDeparted();
        settlement?.HandOverAgain();

        return Task.CompletedTask;
    }

    private void ExpireFrontends()
    {
        foreach (var (frontendId, players) in roster.ExpireLeases(clock.GetUtcNow() - world.FrontendLease))
        {
            foreach (var playerId in players)
            {
                // Dropped with its frontend: as leaving, a player in combat leaves its body for the logout delay.
                var departure = simulation?.Leave(playerId, (float)world.LogoutDelay.TotalSeconds);
                if (departure is { Lingering: true } && roster.TryGet(playerId, out var member))
                {
                    member.Lingering = true;
                }
                else if (roster.Remove(playerId, out member) && departure is not null)
                {
                    checkpoints!.SaveDeparted(playerId, member.WorldSession, departure.Checkpoint());
                }
            }

            logger.LogInformation("Zone {Zone} dropped frontend {Frontend}: its lease ran out", ZoneId, frontendId);
        }
    }

    private Task CheckpointSliceAsync(CancellationToken cancellationToken)
    {
        if (simulation is not null)
        {
            checkpoints!.SaveNextSlice(simulation, roster);
        }

        return Task.CompletedTask;
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
        broadcast?.EnqueueChat(line);
        return Task.CompletedTask;
    }

    public Task EncounterSettledAsync(Guid encounterId)
    {
        settlement?.Confirmed(encounterId);
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
