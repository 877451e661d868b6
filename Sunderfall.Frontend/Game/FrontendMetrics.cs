using System.Diagnostics.Metrics;
using System.Diagnostics;
using Sunderfall.Frontend.Connections;

namespace Sunderfall.Frontend.Game;

/// <summary>
/// The frontend's share of an input's way to its result, on the "Sunderfall.Frontend" meter (exported at
/// /metrics): how long an input waits here for its zone call, how long that call takes, how long a zone batch takes to
/// handle, and how long after a batch arrives each client's delta is handed to its connection. Together with the
/// silo's "Sunderfall.Zones" meter they split the latency a player sees into its stages.
/// </summary>
public sealed class FrontendMetrics
{
    public const string MeterName = "Sunderfall.Frontend";

    private readonly Histogram<double> inputWait;
    private readonly Histogram<double> inputCall;
    private readonly Histogram<double> batchHandling;
    private readonly Histogram<double> deltaDelay;
    private readonly Counter<long> inputs;
    private readonly Counter<long> deltas;
    private readonly Counter<long> deltaBytes;
    private readonly Counter<long> hubCalls;

    public FrontendMetrics(IMeterFactory meters, ConnectionRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(registry);
        var meter = meters.Create(MeterName);
        inputWait = meter.CreateHistogram<double>("sunderfall.frontend.input.wait", "s", "From the hub taking a movement input to the start of the zone call that carries it.");
        inputCall = meter.CreateHistogram<double>("sunderfall.frontend.input.call.duration", "s", "One call handing a zone a batch of inputs, until the zone answers.");
        batchHandling = meter.CreateHistogram<double>("sunderfall.frontend.zone_batch.duration", "s", "Handling one zone tick batch: the zone's mirror, notices, and starting each client's send.");
        deltaDelay = meter.CreateHistogram<double>("sunderfall.frontend.world_delta.delay", "s", "From a zone batch's arrival to a client's world delta with it handed to the connection.");
        inputs = meter.CreateCounter<long>("sunderfall.frontend.inputs", null, "Movement inputs forwarded to zones.");
        deltas = meter.CreateCounter<long>("sunderfall.frontend.world_deltas", null, "World delta messages sent to clients.");
        deltaBytes = meter.CreateCounter<long>("sunderfall.frontend.world_delta.payload", "By", "Bytes of world delta payload sent to clients (before framing).");
        hubCalls = meter.CreateCounter<long>("sunderfall.frontend.hub.calls", null, "Game hub method calls that reached the hub, by outcome: completed, unavailable (the cluster could not be reached) or internal (a server fault).");
        meter.CreateObservableGauge("sunderfall.frontend.players", () => registry.PlayerCount, null, "Players in the world through this frontend.");
    }

    public void InputWaited(long queuedAt, long now) => inputWait.Record(Stopwatch.GetElapsedTime(queuedAt, now).TotalSeconds);

    public void InputsForwarded(int count, long callStart)
    {
        inputs.Add(count);
        inputCall.Record(Stopwatch.GetElapsedTime(callStart).TotalSeconds);
    }

    public void BatchHandled(long arrivedAt) => batchHandling.Record(Stopwatch.GetElapsedTime(arrivedAt).TotalSeconds);

    /// <summary>Counts a hub call that ran to its end: "completed", "unavailable" or "internal".</summary>
    public void HubCallEnded(string outcome) => hubCalls.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void DeltaSent(long batchArrivedAt, int payloadBytes)
    {
        deltas.Add(1);
        deltaBytes.Add(payloadBytes);
        deltaDelay.Record(Stopwatch.GetElapsedTime(batchArrivedAt).TotalSeconds);
    }
}
