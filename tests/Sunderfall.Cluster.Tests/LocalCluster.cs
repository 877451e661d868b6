using System.Globalization;
using Xunit;

namespace Sunderfall.Cluster.Tests;

/// <summary>
/// The cluster of deploy/cluster.sh: the one test.sh brought up (.data/cluster/cluster.env), or one this fixture
/// brings up and takes down again. Clients reach it only through HAProxy; the test reads HAProxy's statistics to
/// learn which frontend holds a connection.
/// </summary>
public sealed class LocalCluster : IAsyncLifetime
{
    private static readonly string EnvironmentFile = Path.Combine(Shell.RepositoryRoot, ".data", "cluster", "cluster.env");
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private bool startedHere;

    /// <summary>The game through HAProxy, e.g. http://127.0.0.1:58080/.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>HAProxy's statistics page (CSV with ";csv").</summary>
    public Uri StatsUrl { get; private set; } = null!;

    /// <summary>The frontends' container names, which are also HAProxy's server names without the "sf-".</summary>
    public IReadOnlyList<string> Frontends { get; private set; } = [];

    public async Task InitializeAsync()
    {
        if (!File.Exists(EnvironmentFile) || !await AnswersAsync(ReadSettings()["SF_CLUSTER_URL"]))
        {
            // None up, or one left behind by an interrupted run: a fresh cluster, taken down again at the end.
            startedHere = true;
            var script = Path.Combine(Shell.RepositoryRoot, "deploy", "cluster.sh");
            await Shell.RunAsync(script, ["down"], TimeSpan.FromMinutes(5));
            await Shell.RunCheckedAsync(script, ["up"], TimeSpan.FromMinutes(20));
        }

        var settings = ReadSettings();
        Url = new Uri(settings["SF_CLUSTER_URL"]);
        StatsUrl = new Uri(settings["SF_CLUSTER_LB_STATS"]);
        Frontends = settings["SF_CLUSTER_FRONTENDS"].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(f => f.Split('=')[0]).ToList();
        Assert.True(Frontends.Count >= 2, $"the cluster has {Frontends.Count} frontend(s); these tests need two");
    }

    private static async Task<bool> AnswersAsync(string url)
    {
        try
        {
            using var response = await Http.GetAsync(new Uri(new Uri(url), "health/ready"));
            return response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private static Dictionary<string, string> ReadSettings()
    {
        var settings = File.ReadAllLines(EnvironmentFile)
            .Where(line => line.Contains('=', StringComparison.Ordinal))
            .ToDictionary(line => line[..line.IndexOf('=', StringComparison.Ordinal)], line => line[(line.IndexOf('=', StringComparison.Ordinal) + 1)..]);
        return settings;
    }

    public async Task DisposeAsync()
    {
        if (startedHere)
        {
            await Shell.RunAsync(Path.Combine(Shell.RepositoryRoot, "deploy", "cluster.sh"), ["down"], TimeSpan.FromMinutes(5));
        }
    }

    /// <summary>HAProxy's name for a frontend container: sf-frontend-1 is server frontend-1 (also its cookie value).</summary>
    public static string ServerName(string container) => container["sf-".Length..];

    /// <summary>Per frontend container: the connections HAProxy holds open to it now (scur) and whether it is UP.</summary>
    public async Task<IReadOnlyDictionary<string, (int Sessions, bool Up)>> FrontendStatsAsync()
    {
        var csv = await Http.GetStringAsync(new Uri(StatsUrl + ";csv"));
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].TrimStart('#', ' ').Split(',');
        int Column(string name) => Array.IndexOf(header, name);
        var result = new Dictionary<string, (int, bool)>();
        foreach (var fields in lines.Skip(1).Select(l => l.Split(',')))
        {
            if (fields[Column("pxname")] == "frontends" && fields[Column("svname")].StartsWith("frontend-", StringComparison.Ordinal))
            {
                result["sf-" + fields[Column("svname")]] = (
                    int.Parse(fields[Column("scur")], CultureInfo.InvariantCulture),
                    fields[Column("status")].StartsWith("UP", StringComparison.Ordinal));
            }
        }

        return result;
    }

    /// <summary>The frontend whose open connections went up by one from <paramref name="before"/>, once exactly one did.</summary>
    public async Task<string> FrontendThatGainedAsync(IReadOnlyDictionary<string, (int Sessions, bool Up)> before, TimeSpan timeout)
    {
        string? gained = null;
        var found = await Shell.EventuallyAsync(async () =>
        {
            var now = await FrontendStatsAsync();
            var up = now.Where(n => n.Value.Sessions > before.GetValueOrDefault(n.Key).Sessions).Select(n => n.Key).ToList();
            gained = up.Count == 1 ? up[0] : null;
            return gained is not null;
        }, timeout);
        Assert.True(found, "no single frontend gained the connection in HAProxy's statistics");
        return gained!;
    }

    public static Task StopAsync(string container) =>
        Shell.RunCheckedAsync("podman", ["stop", "-t", "20", container], TimeSpan.FromMinutes(1));

    /// <summary>Starts a stopped container again and waits for its image's health check and for HAProxy to see it UP.</summary>
    public async Task StartAsync(string container)
    {
        await Shell.RunCheckedAsync("podman", ["start", container], TimeSpan.FromMinutes(1));
        Assert.True(
            await Shell.EventuallyAsync(async () => (await Shell.RunAsync("podman", ["healthcheck", "run", container], TimeSpan.FromSeconds(30))).ExitCode == 0, TimeSpan.FromMinutes(2)),
            $"{container} did not become healthy again");
        Assert.True(
            await Shell.EventuallyAsync(async () => (await FrontendStatsAsync())[container].Up, TimeSpan.FromSeconds(60)),
            $"HAProxy never saw {container} up again");
    }
}
