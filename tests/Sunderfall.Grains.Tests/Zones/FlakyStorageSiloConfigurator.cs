using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;

namespace Sunderfall.Grains.Tests.Zones;

/// <summary>The test silo of <see cref="TestSiloConfigurator"/>, whose game storage is a <see cref="FlakyPlayerStorage"/>.</summary>
public sealed class FlakyStorageSiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder)
    {
        ArgumentNullException.ThrowIfNull(siloBuilder);
        new TestSiloConfigurator().Configure(siloBuilder);

        // Registered last, so it is the storage the grains are given.
        siloBuilder.Services.AddKeyedSingleton<IGrainStorage>(GrainStorage.Game, (services, _) =>
            FlakyPlayerStorage.Shared = new FlakyPlayerStorage(MemoryGrainStorageFactory.Create(services, GrainStorage.Game)));
    }
}
