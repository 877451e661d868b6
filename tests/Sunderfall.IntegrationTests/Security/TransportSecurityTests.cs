using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Sunderfall.IntegrationTests.Infrastructure;
using Sunderfall.Protocol;
using Sunderfall.Protocol.Auth;
using Sunderfall.Protocol.Characters;
using Sunderfall.Protocol.Errors;
using Xunit;

namespace Sunderfall.IntegrationTests.Security;

[Collection(SharedClusterDefinition.Name)]
public sealed class TransportSecurityTests(SharedClusterFixture fixture)
{
    private GameCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task Frontend_OnPlainHttpBeyondLoopback_RefusesToStart()
    {
        var frontend = Cluster.StartFrontend("plain-frontend", Cluster.ClusterId, url: $"http://0.0.0.0:{FreePort.Next()}");

        Assert.True(await frontend.WaitForExitAsync(TimeSpan.FromSeconds(60)), "the frontend served plain HTTP on all addresses");
        Assert.Equal(2, frontend.ExitCode);
        Assert.Contains("plain HTTP on http://0.0.0.0", frontend.Tail(), StringComparison.Ordinal);
        Assert.Contains("Kestrel:Certificates:Default:Path", frontend.Tail(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Frontend_OnAspNetCoreHttpPortsAsItsContainerImageSetsThem_RefusesToStart()
    {
        var port = FreePort.Next();
        // No --urls: Kestrel would listen on http://*:port, every address, as in docker/Dockerfile.frontend.
        var frontend = Cluster.StartFrontend("ports-frontend", Cluster.ClusterId, new Dictionary<string, string>
        {
            ["ASPNETCORE_HTTP_PORTS"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, url: "");

        Assert.True(await frontend.WaitForExitAsync(TimeSpan.FromSeconds(60)), "the frontend served plain HTTP on every address");
        Assert.Equal(2, frontend.ExitCode);
        Assert.Contains($"plain HTTP on http://*:{port}", frontend.Tail(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Frontend_WithACertificate_ServesTheApiAndTheHubOverTls()
    {
        using var certificate = SelfSigned();
        var pfx = Path.Combine(Path.GetTempPath(), $"sunderfall-test-{Guid.NewGuid():N}.pfx");
        await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "test-password"));
        var url = $"https://127.0.0.1:{FreePort.Next()}";
        var frontend = Cluster.StartFrontend("tls-frontend", Cluster.ClusterId, new Dictionary<string, string>
        {
            ["Kestrel__Certificates__Default__Path"] = pfx,
            ["Kestrel__Certificates__Default__Password"] = "test-password",
        }, url);
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented?.Thumbprint == certificate.Thumbprint };
        await frontend.WaitUntilReadyAsync(TimeSpan.FromSeconds(60), handler: handler);

        using var http = new HttpClient(handler, disposeHandler: false);
        var name = GameClient.UniqueName("tls");
        using var registered = await http.PostAsJsonAsync(url + "/api/auth/register",
            new RegisterRequest { Username = name, Email = $"{name}@example.test", Password = GameCluster.TestPassword });
        var account = await registered.Content.ReadFromJsonAsync<AuthResponse>(GameCluster.Json);
        await using var connection = new HubConnectionBuilder()
            .WithUrl(url + HubNames.Path, o =>
            {
                o.AccessTokenProvider = () => Task.FromResult<string?>(account!.AccessToken);
                o.HttpMessageHandlerFactory = _ => new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented?.Thumbprint == certificate.Thumbprint };
                o.WebSocketConfiguration = ws => ws.RemoteCertificateValidationCallback = (_, presented, _, _) => presented is not null && new X509Certificate2(presented).Thumbprint == certificate.Thumbprint;
            })
            .AddMessagePackProtocol(o => o.SerializerOptions = Sunderfall.Client.WireMessagePack.Options)
            .Build();
        await connection.StartAsync();
        var created = await connection.InvokeAsync<CallResult<CharacterInfo>>(HubNames.CreateCharacter, GameClient.UniqueName("Wss"), "mage");

        Assert.True(registered.IsSuccessStatusCode);
        Assert.True(created.Ok, created.Error?.Message);
        Assert.Equal(HubConnectionState.Connected, connection.State);
        frontend.Kill();
        File.Delete(pfx);
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
    }
}
