using Orleans.TestingHost;
using Xunit;

namespace Sunderfall.Grains.Tests.Players;

/// <summary>A one-silo cluster whose reward ledger can lose marks (<see cref="FlakyRewardLedger"/>), for the recovery tests.</summary>
public sealed class FlakyLedgerClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; } = new TestClusterBuilder(1)
        .AddSiloBuilderConfigurator<FlakyLedgerSiloConfigurator>()
        .Build();

    public IClusterClient Client => Cluster.Client;

    public Task InitializeAsync() => Cluster.DeployAsync();

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
