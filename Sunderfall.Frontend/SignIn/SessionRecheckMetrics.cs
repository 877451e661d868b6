using System.Diagnostics;
using System.Diagnostics.Metrics;
using Sunderfall.Frontend.Game;
using Sunderfall.Grains.Interfaces.Accounts;

namespace Sunderfall.Frontend.SignIn;

/// <summary>
/// The session re-check on the "Sunderfall.Frontend" meter (exported at /metrics): connections it closed, by reason,
/// rounds that could not reach PostgreSQL, and how long a round takes.
/// </summary>
public sealed class SessionRecheckMetrics
{
    private readonly Counter<long> closed;
    private readonly Counter<long> failed;
    private readonly Histogram<double> duration;

    public SessionRecheckMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(FrontendMetrics.MeterName);
        closed = meter.CreateCounter<long>(
            "sunderfall.frontend.session_recheck.closed", null,
            "Live game connections the periodic session re-check closed, by reason: banned (the client saw Kicked) or ended (SessionEnded).");
        failed = meter.CreateCounter<long>(
            "sunderfall.frontend.session_recheck.failed", null,
            "Session re-check rounds that could not ask PostgreSQL; their connections stay open until a later round.");
        duration = meter.CreateHistogram<double>(
            "sunderfall.frontend.session_recheck.duration", "s", "One session re-check round: listing the live connections, the one query, and closing the revoked.");
    }

    public void Closed(SessionCloseReason reason) =>
        closed.Add(1, new KeyValuePair<string, object?>("reason", reason == SessionCloseReason.Kicked ? "banned" : "ended"));

    public void Failed() => failed.Add(1);

    public void RoundTook(long startedAt) => duration.Record(Stopwatch.GetElapsedTime(startedAt).TotalSeconds);
}
