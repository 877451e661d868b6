using Microsoft.Playwright;
using Sunderfall.IntegrationTests.Infrastructure;
using Xunit;

namespace Sunderfall.Browser.Tests.Infrastructure;

/// <summary>
/// A real cluster (two silos on the proving grounds, where characters start beside a straw dummy) with a frontend
/// that serves the built browser client and the same content, plus a headless Chromium to open pages in.
/// </summary>
public sealed class WebCluster : IAsyncLifetime
{
    private IPlaywright? playwright;

    public GameCluster Cluster { get; private set; } = null!;

    public ServerProcess Web { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public string ContentDirectory { get; } = ProvingGrounds.CreateContentDirectory();

    /// <summary>Screenshots and page logs of the browser tests: TestResults/Sunderfall.Browser.Tests/.</summary>
    public static string ArtifactDirectory { get; } =
        Directory.CreateDirectory(Path.Combine(TestEnvironment.RepoRoot, "TestResults", "Sunderfall.Browser.Tests")).FullName;

    public async Task InitializeAsync()
    {
        var index = Path.Combine(TestEnvironment.RepoRoot, "Sunderfall.Frontend", "wwwroot", "index.html");
        if (!File.Exists(index))
        {
            throw new InvalidOperationException($"{index} is missing: build the browser client with scripts/build-web.sh (./test.sh does)");
        }

        Cluster = await GameCluster.StartAsync("browser", 2, ProvingGrounds.SiloSettings(ContentDirectory));
        Web = await StartWebFrontendAsync("web");
        playwright = await Playwright.CreateAsync();
        Browser = await Chromium.LaunchAsync(playwright);
    }

    /// <summary>Starts another frontend of this cluster serving the client (optionally at a given address).</summary>
    public async Task<ServerProcess> StartWebFrontendAsync(string name, string? url = null)
    {
        var frontend = Cluster.StartFrontend(name, Cluster.ClusterId, new Dictionary<string, string>
        {
            ["SUNDERFALL_Content__Directory"] = ContentDirectory,
        }, url);
        await frontend.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        return frontend;
    }

    /// <summary>A page in a browser context of its own (its own storage), sized like a small laptop screen.</summary>
    public async Task<PlayerPage> OpenPlayerAsync(string label, string? url = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 720 } });
        var page = await context.NewPageAsync();
        var player = new PlayerPage(label, page);
        await page.GotoAsync(url ?? Web.HttpUrl + "/");
        return player;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }

        try
        {
            Directory.Delete(ContentDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder; the system cleans it eventually.
        }
    }
}
