using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sunderfall.Grains.Interfaces.Common;
using Sunderfall.Grains.Interfaces.Players;
using Sunderfall.Grains.Interfaces.Zones;
using Sunderfall.Grains.World;

namespace Sunderfall.Grains.Zones;

/// <summary>
/// A zone's live state. Moves are validated and applied as they arrive; the changes collect until the tick, which
/// sends one batch to each subscribed frontend. Positions are checkpointed to player grains periodically and when
/// the zone deactivates, never per move.
/// </summary>
public sealed class ZoneGrain(IOptions<WorldOptions> worldOptions, TimeProvider clock, ILogger<ZoneGrain> logger) : Grain, IZoneGrain
{
    private readonly WorldOptions world = worldOptions.Value;
    private readonly MovementRules rules = new(
        worldOptions.Value.ZoneWidth, worldOptions.Value.ZoneHeight, worldOptions.Value.MaxSpeed, worldOptions.Value.MoveSlack);
    private readonly Dictionary<Guid, ZoneMember> members = [];
    private readonly Dictionary<string, FrontendLease> frontends = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, ZoneEntitySnapshot> changed = [];
    private readonly HashSet<Guid> removed = [];
    private long sequence;

    private string ZoneId => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(TickAsync, new GrainTimerCreationOptions(world.TickInterval, world.TickInterval));
        this.RegisterGrainTimer(CheckpointAsync, new GrainTimerCreationOptions(world.CheckpointInterval, world.CheckpointInterval));
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        CheckpointAsync(cancellationToken);

    public Task<GameResult<ZoneEntrySnapshot>> JoinAsync(ZoneJoinRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        RenewLease(request.FrontendId, request.Frontend);
        if (members.TryGetValue(request.PlayerId, out var existing))
        {
            existing.FrontendId = request.FrontendId;
            existing.WorldSession = request.WorldSession;
        }
        else
        {
            // A position saved before the zone's bounds shrank is pulled back inside.
            var position = rules.IsInside(request.Position) ? request.Position : new WorldPosition(world.SpawnX, world.SpawnY);
            existing = new ZoneMember(request.PlayerId, request.Name, position, request.FrontendId, request.WorldSession, ArrivalTimestamp());
            members.Add(existing.Id, existing);
        }

        removed.Remove(existing.Id);
        changed[existing.Id] = ToSnapshot(existing);
        var roster = members.Values.Select(ToSnapshot).ToList();
        return Task.FromResult(GameResult<ZoneEntrySnapshot>.Success(
            new ZoneEntrySnapshot(ZoneId, world.ZoneWidth, world.ZoneHeight, request.PlayerId, roster)));
    }

    public Task<WorldPosition?> LeaveAsync(Guid playerId)
    {
        if (!members.Remove(playerId, out var member))
        {
            return Task.FromResult<WorldPosition?>(null);
        }

        changed.Remove(playerId);
        removed.Add(playerId);
        return Task.FromResult<WorldPosition?>(member.Position);
    }

    public Task<MoveResult> MoveAsync(Guid playerId, WorldPosition target)
    {
        if (!members.TryGetValue(playerId, out var member))
        {
            return Task.FromResult(new MoveResult(null, new GameError(GameErrorCode.NotInZone, $"the player is not in zone {ZoneId}")));
        }

        var now = clock.GetTimestamp();
        var error = rules.Check(member.Position, target, clock.GetElapsedTime(member.LastMoveTimestamp, now));
        if (error is not null)
        {
            return Task.FromResult(new MoveResult(member.Position, error));
        }

        member.Position = target;
        member.LastMoveTimestamp = now;
        changed[playerId] = ToSnapshot(member);
        return Task.FromResult(new MoveResult(target, null));
    }

    public async Task SubscribeAsync(string frontendId, IZoneObserver observer, IReadOnlyList<Guid> playerIds)
    {
        ArgumentNullException.ThrowIfNull(playerIds);
        RenewLease(frontendId, observer);
        foreach (var playerId in playerIds)
        {
            if (members.TryGetValue(playerId, out var member))
            {
                member.FrontendId = frontendId;
                continue;
            }

            // The frontend still serves this player but the zone does not know it: the zone re-activated (its silo
            // was lost). Rebuild the entry from the player's last checkpoint.
            var character = await GrainFactory.GetGrain<IPlayerGrain>(playerId).GetAsync();
            if (character is { InWorld: true } && string.Equals(character.ZoneId, ZoneId, StringComparison.Ordinal) && !members.ContainsKey(playerId))
            {
                var restored = new ZoneMember(playerId, character.Name, character.Position, frontendId, character.WorldSession, ArrivalTimestamp());
                members.Add(playerId, restored);
                changed[playerId] = ToSnapshot(restored);
                logger.LogInformation("Zone {Zone} restored player {Player} from its checkpoint", ZoneId, playerId);
            }
        }
    }

    private void RenewLease(string frontendId, IZoneObserver observer)
    {
        if (frontends.TryGetValue(frontendId, out var lease))
        {
            lease.Observer = observer;
            lease.RenewedAt = clock.GetUtcNow();
        }
        else
        {
            frontends.Add(frontendId, new FrontendLease(observer, clock.GetUtcNow()));
        }
    }

    private Task TickAsync(CancellationToken cancellationToken)
    {
        ExpireFrontends();
        if (changed.Count == 0 && removed.Count == 0)
        {
            return Task.CompletedTask;
        }

        var batch = new ZoneUpdateBatch(ZoneId, ++sequence, [.. changed.Values], [.. removed]);
        changed.Clear();
        removed.Clear();
        foreach (var (frontendId, lease) in frontends)
        {
            try
            {
                // One-way: returns at once; a dead frontend costs nothing here and is dropped when its lease ends.
                _ = lease.Observer.OnZoneUpdateAsync(batch);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Zone {Zone} could not send its update to frontend {Frontend}", ZoneId, frontendId);
            }
        }

        return Task.CompletedTask;
    }

    private void ExpireFrontends()
    {
        var cutoff = clock.GetUtcNow() - world.FrontendLease;
        foreach (var (frontendId, lease) in frontends.Where(f => f.Value.RenewedAt < cutoff).ToList())
        {
            frontends.Remove(frontendId);
            foreach (var member in members.Values.Where(m => m.FrontendId == frontendId).ToList())
            {
                members.Remove(member.Id);
                changed.Remove(member.Id);
                removed.Add(member.Id);
                _ = GrainFactory.GetGrain<IPlayerGrain>(member.Id).CheckpointPositionAsync(ZoneId, member.WorldSession, member.Position);
            }

            logger.LogInformation("Zone {Zone} dropped frontend {Frontend}: its lease ran out", ZoneId, frontendId);
        }
    }

    private Task CheckpointAsync(CancellationToken cancellationToken)
    {
        foreach (var member in members.Values.Where(m => m.Position != m.CheckpointedPosition))
        {
            // One-way: the player grain writes on its own turn; the zone never waits on it (see IPlayerGrain).
            _ = GrainFactory.GetGrain<IPlayerGrain>(member.Id).CheckpointPositionAsync(ZoneId, member.WorldSession, member.Position);
            member.CheckpointedPosition = member.Position;
        }

        return Task.CompletedTask;
    }

    /// <summary>An arriving player may move at once: it is credited with the longest idle time the rules count.</summary>
    private long ArrivalTimestamp() =>
        clock.GetTimestamp() - (long)(MovementRules.MaxCreditedIdle.TotalSeconds * clock.TimestampFrequency);

    private static ZoneEntitySnapshot ToSnapshot(ZoneMember member) => new(member.Id, member.Name, member.Position);
}
