using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Sunderfall.Silo.Health;

/// <summary>Ready only once this silo is Active in the cluster's membership.</summary>
internal sealed class MembershipHealthCheck(IClusterMembershipService membership, ILocalSiloDetails local) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var snapshot = membership.CurrentSnapshot;
        var status = snapshot.GetSiloStatus(local.SiloAddress);
        var active = snapshot.Members.Values.Count(m => m.Status == SiloStatus.Active);
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy($"silo {local.SiloAddress} is Active; {active} active silo(s) in the cluster")
            : HealthCheckResult.Unhealthy($"silo {local.SiloAddress} is {status}, not Active"));
    }
}
