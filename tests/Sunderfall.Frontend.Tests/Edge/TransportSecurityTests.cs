using Microsoft.Extensions.Configuration;
using Sunderfall.Frontend.Edge;
using Xunit;

namespace Sunderfall.Frontend.Tests.Edge;

public sealed class TransportSecurityTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    [Fact]
    public void Check_HttpPortsAsTheContainerImageSetsThem_IsRefusedNamingTheAddress()
    {
        var refusal = TransportSecurity.Check(Settings(("http_ports", "8080")));

        Assert.NotNull(refusal);
        Assert.Contains("plain HTTP on http://*:8080", refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("urls", "https://0.0.0.0:8443")]
    [InlineData("urls", "http://127.0.0.1:5000;http://[::1]:5000;http://localhost:5000")]
    [InlineData("https_ports", "8443")]
    public void Check_SafeAddresses_AreAllowed(string key, string value)
    {
        Assert.Null(TransportSecurity.Check(Settings((key, value))));
    }

    [Fact]
    public void Check_UrlsSet_OverrideHttpPorts_AsAspNetCoreDoes()
    {
        // The container image's HTTP_PORTS=8080 is ignored by ASP.NET Core once urls is set.
        Assert.Null(TransportSecurity.Check(Settings(("http_ports", "8080"), ("urls", "https://+:8443"))));
        Assert.NotNull(TransportSecurity.Check(Settings(("http_ports", "8443"), ("urls", "http://+:8080"))));
    }

    [Fact]
    public void Check_KestrelEndpoints_OverrideTheHostingAddresses_UnlessHostingUrlsArePreferred()
    {
        (string, string) https = ("Kestrel:Endpoints:Main:Url", "https://0.0.0.0:8443");

        Assert.Null(TransportSecurity.Check(Settings(https, ("http_ports", "8080"))));
        Assert.NotNull(TransportSecurity.Check(Settings(("Kestrel:Endpoints:Main:Url", "http://0.0.0.0:8080"), ("urls", "https://0.0.0.0:8443"))));
        Assert.NotNull(TransportSecurity.Check(Settings(https, ("urls", "http://0.0.0.0:8080"), ("preferHostingUrls", "true"))));
    }

    [Fact]
    public void Check_PlainHttpBehindAProxy_IsAllowedWhenSaidSo()
    {
        Assert.Null(TransportSecurity.Check(Settings(("http_ports", "8080"), ("Frontend:AllowPlainHttp", "true"))));
    }
}
