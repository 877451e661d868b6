using Xunit;

namespace Sunderfall.IntegrationTests.Infrastructure;

/// <summary>Two silos and a frontend shared by the tests that leave the cluster intact.</summary>
public sealed class SharedClusterFixture : IAsyncLifetime
{
    public GameCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync() => Cluster = await GameCluster.StartAsync("shared", siloCount: 2);

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
