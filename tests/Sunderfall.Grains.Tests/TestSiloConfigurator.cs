using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using Sunderfall.Grains.World;

namespace Sunderfall.Grains.Tests;

/// <summary>Gives each test silo what the real silo gives the grains, with memory in place of PostgreSQL.</summary>
public sealed class TestSiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder)
    {
        ArgumentNullException.ThrowIfNull(siloBuilder);
        siloBuilder.AddMemoryGrainStorage(GrainStorage.Game);
        siloBuilder.Services.AddSingleton(TimeProvider.System);
        siloBuilder.Services.AddSingleton(RepositoryContent.Catalog);
        siloBuilder.Services.AddOptions<WorldOptions>().Configure(TestWorld.Configure);
        siloBuilder.Services.AddOptions<Sunderfall.Grains.Parties.PartyOptions>().Configure(Parties.TestParties.Configure);
        siloBuilder.Services.AddSingleton<Sunderfall.Grains.AntiCheat.ICheatFlagSink>(AntiCheat.RecordingCheatFlagSink.Shared);
        siloBuilder.Services.AddSingleton<Sunderfall.Grains.Transactions.ITransactionLog>(Transactions.RecordingTransactionLog.Shared);
        siloBuilder.Services.AddSingleton<Sunderfall.Grains.Rewards.IRewardLedger>(Rewards.InMemoryRewardLedger.Shared);
        siloBuilder.Services.AddSingleton<Sunderfall.Grains.Faults.ICrashPoints>(Sunderfall.Grains.Faults.NoCrashPoints.Instance);
        siloBuilder.Services.AddSingleton<Sunderfall.Grains.Zones.ZoneMetrics>();
    }
}
