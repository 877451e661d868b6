using System.Net.Sockets;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Storage;
using Sunderfall.Grains;
using Sunderfall.Grains.Inventory;
using Sunderfall.Grains.Players;
using Sunderfall.Silo.Tests.Database;
using Sunderfall.Stores.Support;
using Xunit;

namespace Sunderfall.Silo.Tests.Reconciliation;

/// <summary>
/// The reconciliation reads grain_state with SQL, so it depends on how the Orleans ADO.NET provider lays a character
/// out (grain type string, key columns, JSON property names). Here the real provider, configured as the silo
/// configures it, saves a PlayerState, and the reconciliation must find that character, its owner and its holdings.
/// </summary>
[Collection(PostgresCollectionDefinition.Name)]
public sealed class ProviderSavedCharacterTests(PostgresDatabase database)
{
    private const string ServiceId = "provider-tests";

    [Fact]
    public async Task RunAsync_CharacterSavedByTheOrleansProvider_IsFoundWithItsOwnerGoldAndItems()
    {
        var (player, account) = (Guid.NewGuid(), Guid.NewGuid());
        var state = new PlayerState
        {
            Name = "Saved",
            OwnerAccountId = account,
            Gold = 40,
            Bag = [new BagSlot { Slot = 0, ItemId = "wolf-pelt", Count = 2 }],
            Equipped = new() { ["weapon"] = "rusty-sword" },
            Overflow = [new OverflowItem { ItemId = "wolf-pelt", Count = 1 }],
        };

        await SaveWithTheProviderAsync(player, state);
        var found = (await new ResourceReconciler(database.AppDataSource).RunAsync(ServiceId))
            .Where(d => d.PlayerId == player).OrderBy(d => d.Resource, StringComparer.Ordinal).ToList();

        Assert.Equal(
            [("gold", "40"), ("item:rusty-sword", "1"), ("item:wolf-pelt", "3")],
            found.Select(d => (d.Resource, d.Held)));
        Assert.All(found, d => Assert.Equal(account, d.AccountId));
    }

    // The player grain's state is [PersistentState("player", GrainStorage.Game)]: Orleans passes the state name to the
    // provider as the grain type.
    private async Task SaveWithTheProviderAsync(Guid player, PlayerState state)
    {
        using var host = new HostBuilder()
            .UseOrleans(silo =>
            {
                silo.UseLocalhostClustering(FreePort(), FreePort(), serviceId: ServiceId, clusterId: "provider-tests-" + Guid.NewGuid().ToString("N")[..8]);
                // As SiloHostingExtensions configures the game storage.
                silo.AddAdoNetGrainStorage(GrainStorage.Game, o =>
                {
                    o.Invariant = "Npgsql";
                    o.ConnectionString = database.AppConnectionString;
                });
                silo.Services.AddOptions<AdoNetGrainStorageOptions>(GrainStorage.Game)
                    .Configure<IServiceProvider>((o, services) => o.GrainStorageSerializer = ActivatorUtilities.CreateInstance<SystemTextJsonGrainStorageSerializer>(services));
            })
            .Build();
        await host.StartAsync();
        try
        {
            var storage = host.Services.GetRequiredKeyedService<IGrainStorage>(GrainStorage.Game);
            var grainId = GrainId.Create(GrainType.Create("player"), GrainIdKeyExtensions.CreateGuidKey(player));
            await storage.WriteStateAsync("player", grainId, new GrainState<PlayerState>(state));
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
