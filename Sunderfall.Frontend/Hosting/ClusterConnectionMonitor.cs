using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Sunderfall.Frontend.Hosting;

/// <summary>
/// Tracks whether the Orleans client has gateways, for readiness and so zone subscriptions are renewed as soon as
/// the cluster is reachable again.
/// </summary>
public sealed class ClusterConnectionMonitor(IHostApplicationLifetime lifetime, ILogger<ClusterConnectionMonitor> logger)
    : IClusterConnectionStatusObserver, IHealthCheck
{
    private int gateways = -1;

    /// <summary>Raised when the client regains gateways after having none, or its gateway set changes.</summary>
    public event Action? Reconnected;

    /// <summary>True once the client has connected and while it has at least one gateway.</summary>
    public bool IsConnected => lifetime.ApplicationStarted.IsCancellationRequested && Volatile.Read(ref gateways) != 0;

    public void NotifyGatewayCountChanged(int currentNumberOfGateways, int previousNumberOfGateways, bool connectionRecovered)
    {
        Volatile.Write(ref gateways, currentNumberOfGateways);
        logger.LogInformation("Cluster gateways: {Previous} -> {Current}", previousNumberOfGateways, currentNumberOfGateways);
        if (currentNumberOfGateways > 0)
        {
            Reconnected?.Invoke();
        }
    }

    public void NotifyClusterConnectionLost()
    {
        Volatile.Write(ref gateways, 0);
        logger.LogWarning("Connection to the cluster was lost");
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(IsConnected
            ? HealthCheckResult.Healthy("connected to the Orleans cluster")
            : HealthCheckResult.Unhealthy(lifetime.ApplicationStarted.IsCancellationRequested
                ? "no Orleans gateway is reachable"
                : "still connecting to the Orleans cluster: no silo reachable yet"));
}
