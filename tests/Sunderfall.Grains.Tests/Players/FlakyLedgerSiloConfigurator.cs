using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using Sunderfall.Grains.Rewards;

namespace Sunderfall.Grains.Tests.Players;

/// <summary>The test silo of <see cref="TestSiloConfigurator"/>, with <see cref="FlakyRewardLedger.Shared"/> as its reward ledger.</summary>
public sealed class FlakyLedgerSiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder)
    {
        ArgumentNullException.ThrowIfNull(siloBuilder);
        new TestSiloConfigurator().Configure(siloBuilder);

        // Registered last, so it is the ledger the grains are given.
        siloBuilder.Services.AddSingleton<IRewardLedger>(FlakyRewardLedger.Shared);
    }
}
