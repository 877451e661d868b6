using Orleans.TestingHost;
using Xunit;

namespace Sunderfall.Grains.Tests.Zones;

/// <summary>A one-silo cluster whose game storage can fail a player's write (<see cref="FlakyPlayerStorage"/>).</summary>
public sealed class FlakyStorageClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; } = new TestClusterBuilder(1)
        .AddSiloBuilderConfigurator<FlakyStorageSiloConfigurator>()
        .Build();

    public IClusterClient Client => Cluster.Client;

    public Task InitializeAsync() => Cluster.DeployAsync();

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
