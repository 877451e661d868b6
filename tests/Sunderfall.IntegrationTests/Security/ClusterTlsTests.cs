using System.Net;
using Sunderfall.IntegrationTests.Infrastructure;
using Xunit;

namespace Sunderfall.IntegrationTests.Security;

/// <summary>
/// Every Orleans connection of a test cluster is mutual TLS with certificates of the run's cluster CA (test processes
/// run as Production, where TLS cannot be turned off), so every integration test plays over TLS. These tests show the
/// other side: a silo or a frontend whose certificate comes from another CA is refused at the handshake, never joins
/// the membership and never reaches a gateway, while the cluster goes on playing.
/// </summary>
public sealed class ClusterTlsTests : IAsyncLifetime
{
    private const string Refusal = "Cluster TLS: refused a peer's certificate";
    private static readonly TimeSpan HandshakeWait = TimeSpan.FromSeconds(60);

    private readonly ClusterCertificates rogueCa = ClusterCertificates.Create("rogue");
    private GameCluster cluster = null!;

    public async Task InitializeAsync() => cluster = await GameCluster.StartAsync("tls", siloCount: 1);

    public async Task DisposeAsync() => await cluster.DisposeAsync();

    [Fact]
    public async Task SiloWithACertificateOfAnotherCa_IsRefusedAtTheHandshake_AndNeverBecomesAnActiveMember()
    {
        await using var player = await cluster.ConnectAsync();
        await player.CreateAndEnterAsync("Tls");
        var (silo, _) = cluster.Silos[0];
        var rogueName = $"{cluster.ClusterId}-rogue-silo";

        var rogue = cluster.StartSilo(2, overrides: RogueCertificate(rogueName));
        var rogueSiloPort = cluster.Silos[^1].SiloPort;

        Assert.True(await LogShowsAsync(silo, Refusal, "CN=" + rogueName), $"the cluster's silo never refused {rogueName}:\n{silo.Tail()}");
        Assert.DoesNotContain(rogueSiloPort, await cluster.ActiveSiloPortsInRedisAsync());
        Assert.Equal([cluster.Silos[0].SiloPort], await cluster.ActiveSiloPortsInRedisAsync());
        Assert.False(await IsReadyAsync(rogue), $"{rogue.Name} answers ready though the cluster refused it");
        // The cluster goes on: a new player still enters the world.
        await using var another = await cluster.ConnectAsync();
        var (_, zone) = await another.CreateAndEnterAsync("AfterRogue");
        Assert.NotNull(zone);
    }

    [Fact]
    public async Task FrontendWithACertificateOfAnotherCa_CannotConnectToTheGateway()
    {
        var (silo, _) = cluster.Silos[0];
        var rogueName = $"{cluster.ClusterId}-rogue-frontend";

        var rogue = cluster.StartFrontend("rogue-frontend", cluster.ClusterId, RogueCertificate(rogueName));

        Assert.True(await LogShowsAsync(silo, Refusal, "CN=" + rogueName), $"the silo's gateway never refused {rogueName}:\n{silo.Tail()}");
        Assert.False(await IsReadyAsync(rogue), $"{rogue.Name} reached the cluster with a certificate of another CA");
        // The frontend with a cluster certificate still serves players.
        await using var player = await cluster.ConnectAsync();
        await player.CreateAndEnterAsync("Trusted");
    }

    private Dictionary<string, string> RogueCertificate(string name) => rogueCa.Environment(name);

    private static async Task<bool> LogShowsAsync(ServerProcess process, params string[] parts)
    {
        var deadline = DateTime.UtcNow + HandshakeWait;
        while (DateTime.UtcNow < deadline)
        {
            if (process.Tail(400).Split('\n').Any(line => parts.All(p => line.Contains(p, StringComparison.Ordinal))))
            {
                return true;
            }

            await Task.Delay(250);
        }

        return false;
    }

    private static async Task<bool> IsReadyAsync(ServerProcess process)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await http.GetAsync(process.HttpUrl + "/health/ready");
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }
}
