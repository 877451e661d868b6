using System.Diagnostics;
using Microsoft.Extensions.Options;
using Sunderfall.Frontend.Connections;
using Sunderfall.Frontend.Hosting;
using Sunderfall.Frontend.World;
using Sunderfall.Grains.Interfaces.Common;
using Sunderfall.Grains.Interfaces.Zones;
using Sunderfall.Protocol;
using Sunderfall.Protocol.Errors;
using ErrorCode = Sunderfall.Protocol.Errors.ErrorCode;

namespace Sunderfall.Frontend.Game;

/// <summary>
/// Forwards movement intents to their zones in batches (<see cref="KeyedBatcher{T}"/>): each zone has at most one
/// call in flight from this frontend, and inputs that arrive meanwhile go together in the next call. A lone input
/// leaves at once, and a busy zone gets one call per round trip carrying every player's inputs instead of one call
/// per input (at 5 inputs a second, 2,000 players would otherwise be 10,000 grain calls a second). Calls to one zone
/// are also at least <see cref="FrontendOptions.InputBatchInterval"/> apart: the zone applies inputs only at its
/// tick, so holding a busy zone's inputs a few milliseconds costs little latency and saves most of its calls.
/// Refusals reach the player's connection as Error events. An input the zone refuses as NotInZone (it lost the
/// player to a silo failure, or the player moved on) renews this frontend's roster there and is sent once more.
/// </summary>
public sealed class MoveForwarder
{
    /// <summary>Most inputs waiting for one zone; beyond it (the zone's silo is not answering) inputs are refused.</summary>
    public const int MaxWaitingPerZone = 8192;

    private readonly IClusterClient client;
    private readonly ZoneSubscriptions subscriptions;
    private readonly ConnectionRegistry registry;
    private readonly ILogger<MoveForwarder> logger;
    private readonly FrontendMetrics metrics;
    private readonly KeyedBatcher<Waiting> batcher;

    public MoveForwarder(
        IClusterClient client,
        ZoneSubscriptions subscriptions,
        ConnectionRegistry registry,
        IOptions<FrontendOptions> options,
        FrontendMetrics metrics,
        ILogger<MoveForwarder> logger)
    {
        this.client = client;
        this.subscriptions = subscriptions;
        this.registry = registry;
        this.logger = logger;
        this.metrics = metrics;
        batcher = new KeyedBatcher<Waiting>(options.Value.InputBatchInterval, MaxWaitingPerZone, SendAsync, ReportFailure);
    }

    /// <summary>Queues the input for the session's zone; false when that zone already has too many waiting.</summary>
    public bool Submit(ClientConnection session, MoveInput input) =>
        batcher.Add(session.ZoneId, new Waiting(new PlayerMoveInput(session.PlayerId, input), Retried: false, Stopwatch.GetTimestamp()));

    private async Task SendAsync(string zoneId, List<Waiting> batch)
    {
        var start = Stopwatch.GetTimestamp();
        var inputs = new PlayerMoveInput[batch.Count];
        for (var i = 0; i < inputs.Length; i++)
        {
            inputs[i] = batch[i].Input;
            metrics.InputWaited(batch[i].QueuedAt, start);
        }

        var refusals = await client.GetGrain<IZoneGrain>(zoneId).SubmitInputsAsync(inputs);
        metrics.InputsForwarded(inputs.Length, start);
        if (refusals.Count > 0)
        {
            await HandleRefusalsAsync(zoneId, batch, refusals);
        }
    }

    private void ReportFailure(string zoneId, List<Waiting> batch, Exception ex)
    {
        var unreachable = GameHubErrorFilter.IsClusterFailure(ex);
        logger.LogWarning(ex, "Could not forward {Count} inputs to zone {Zone}", batch.Count, zoneId);
        var error = new ServerError
        {
            Code = unreachable ? ErrorCode.Unavailable : ErrorCode.Internal,
            Message = unreachable ? "the game cluster could not be reached; try again in a few seconds" : "the server could not complete this call",
        };
        foreach (var playerId in batch.Select(w => w.Input.PlayerId).Distinct())
        {
            Tell(playerId, error);
        }
    }

    private async Task HandleRefusalsAsync(string zoneId, List<Waiting> batch, IReadOnlyList<MoveRefusal> refusals)
    {
        List<Waiting>? again = null;
        foreach (var refusal in refusals)
        {
            var retried = batch.Exists(w => w.Retried && w.Input.PlayerId == refusal.PlayerId && w.Input.Input.Sequence == refusal.Sequence);
            if (refusal.Error.Code == GameErrorCode.NotInZone && !retried)
            {
                (again ??= []).Add(batch.Find(w => w.Input.PlayerId == refusal.PlayerId && w.Input.Input.Sequence == refusal.Sequence)! with { Retried = true });
                continue;
            }

            Tell(refusal.PlayerId, WireMapping.ToWire(refusal.Error));
        }

        if (again is null)
        {
            return;
        }

        // The zone lost us (its silo died) or the player moved on: renewing restores or re-enters the player.
        await subscriptions.RenewAsync(zoneId);
        foreach (var waiting in again)
        {
            if (registry.FindPlayer(waiting.Input.PlayerId) is { InTransit: false } session && !batcher.Add(session.ZoneId, waiting))
            {
                Tell(waiting.Input.PlayerId, Busy);
            }
        }
    }

    /// <summary>The answer to an input that found its zone's queue full.</summary>
    public static readonly ServerError Busy = new()
    {
        Code = ErrorCode.Unavailable,
        Message = $"the zone is not taking inputs right now (more than {MaxWaitingPerZone} are waiting); try again in a few seconds",
    };

    private void Tell(Guid playerId, ServerError error)
    {
        if (registry.FindPlayer(playerId) is { } session)
        {
            session.Send(HubNames.ErrorEvent, error);
        }
    }

    /// <summary>An input waiting for its zone call; <c>QueuedAt</c> is when it was queued (Stopwatch timestamp).</summary>
    private readonly record struct Waiting(PlayerMoveInput Input, bool Retried, long QueuedAt);
}
