using System.Diagnostics.Metrics;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Sunderfall.ServiceDefaults.Health;

/// <summary>
/// Puts readiness on /metrics, so Prometheus sees a process that runs but is not ready (PostgreSQL or the cluster
/// unreachable), which its "up" series cannot: the health checks tagged "ready" are run every
/// <see cref="Period"/> and the outcome is kept in two gauges on the "Sunderfall.Health" meter,
/// <c>sunderfall.health.ready</c> (1 when every check passes, else 0) and <c>sunderfall.health.check.status</c>
/// (1 or 0 per check, tag "check"). Both read -1 until the first round has run.
/// </summary>
public sealed class ReadinessMetricPublisher : IHealthCheckPublisher
{
    public const string MeterName = "Sunderfall.Health";

    /// <summary>How often the checks run for this publisher.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(10);

    private volatile Dictionary<string, int> checks = [];
    private volatile int ready = -1;

    public ReadinessMetricPublisher(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge("sunderfall.health.ready", () => ready, null, "1 when every readiness check passed in the last round, 0 when one failed, -1 before the first round.");
        meter.CreateObservableGauge("sunderfall.health.check.status", ObserveChecks, null, "1 when this readiness check passed in the last round, 0 when it failed.");
    }

    /// <inheritdoc/>
    public Task PublishAsync(HealthReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var results = report.Entries
            .Where(e => e.Value.Tags.Contains(HealthEndpoints.ReadyTag))
            .ToDictionary(e => e.Key, e => e.Value.Status == HealthStatus.Healthy ? 1 : 0);
        checks = results;
        ready = results.Values.All(v => v == 1) ? 1 : 0;
        return Task.CompletedTask;
    }

    private IEnumerable<Measurement<int>> ObserveChecks() =>
        checks.Select(c => new Measurement<int>(c.Value, new KeyValuePair<string, object?>("check", c.Key)));
}
