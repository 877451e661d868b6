using Orleans.TestingHost;
using Xunit;

namespace Sunderfall.Grains.Tests;

/// <summary>One in-process cluster of two silos, started once for every grain test.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    // Two silos, so grain calls and observer callbacks also cross silo boundaries.
    private const int SiloCount = 2;

    public TestCluster Cluster { get; } = new TestClusterBuilder(SiloCount)
        .AddSiloBuilderConfigurator<TestSiloConfigurator>()
        .Build();

    public IClusterClient Client => Cluster.Client;

    public Task InitializeAsync() => Cluster.DeployAsync();

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
