using System.Net;
using System.Text.Json;
using Sunderfall.Browser.Tests.Infrastructure;
using Sunderfall.IntegrationTests.Infrastructure;
using Xunit;

namespace Sunderfall.Browser.Tests.WebClient;

/// <summary>The frontend serves the built client, its page paths and the content it draws, and nothing else changes.</summary>
[Collection(WebClusterDefinition.Name)]
public sealed class ServingTests(WebCluster web)
{
    [Fact]
    public async Task Root_ServesTheClientPage_WithItsSecurityHeaders()
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync(web.Web.HttpUrl + "/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<canvas id=\"world\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", string.Join(' ', response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task ThePagesScript_IsServedAsJavaScript()
    {
        using var http = new HttpClient();
        var html = await http.GetStringAsync(web.Web.HttpUrl + "/");
        var script = System.Text.RegularExpressions.Regex.Match(html, "src=\"(/assets/[^\"]+\\.js)\"").Groups[1].Value;

        using var response = await http.GetAsync(web.Web.HttpUrl + script);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/play")]
    [InlineData("/characters/new")]
    public async Task OtherPagePaths_AreTheClientPage(string path)
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync(web.Web.HttpUrl + path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<canvas id=\"world\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/nothing-here")]
    [InlineData("/hubs/unknown")]
    [InlineData("/health/nothing")]
    [InlineData("/assets/missing.js")]
    public async Task ApiHubAndMissingFilePaths_StayNotFound_NotThePage(string path)
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync(web.Web.HttpUrl + path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ZoneContent_GivesTheTilesAndSizeTheClientDraws()
    {
        using var http = new HttpClient();
        using var zone = JsonDocument.Parse(await http.GetStringAsync(web.Web.HttpUrl + "/api/content/zones/" + ProvingGrounds.Zone));

        var root = zone.RootElement;
        Assert.Equal("Proving Grounds", root.GetProperty("name").GetString());
        Assert.Equal(10, root.GetProperty("tiles").GetArrayLength());
        Assert.Equal(100f, root.GetProperty("width").GetSingle());
        Assert.Equal(10f, root.GetProperty("tileSize").GetSingle());
    }

    [Fact]
    public async Task ZoneContent_OfAnUnknownZone_IsNotFound_WithTheRule()
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync(web.Web.HttpUrl + "/api/content/zones/nowhere");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("NotFound", error.RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Catalog_NamesEachClassesAbilitiesAndTheItems()
    {
        using var http = new HttpClient();
        using var catalog = JsonDocument.Parse(await http.GetStringAsync(web.Web.HttpUrl + "/api/content/catalog"));

        var warrior = catalog.RootElement.GetProperty("classes").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "warrior");
        Assert.Equal("strike", warrior.GetProperty("abilities")[0].GetString());
        var strike = catalog.RootElement.GetProperty("abilities").EnumerateArray().Single(a => a.GetProperty("id").GetString() == "strike");
        Assert.Equal(1f, strike.GetProperty("cooldownSeconds").GetSingle());
        Assert.Contains(catalog.RootElement.GetProperty("items").EnumerateArray(), i => i.GetProperty("name").GetString() == "Wolf Pelt");
    }
}
