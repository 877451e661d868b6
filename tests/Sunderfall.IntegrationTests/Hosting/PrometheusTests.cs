using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Sunderfall.IntegrationTests.Infrastructure;
using Xunit;

namespace Sunderfall.IntegrationTests.Hosting;

/// <summary>
/// A real Prometheus, started by scripts/prometheus.sh as ./run.sh starts it, scrapes the shared cluster's silos and
/// frontend and loads the alert rules; asked through its HTTP API, it sees every target up, ready, and the
/// Sunderfall series the alerts are written against.
/// </summary>
[Collection(SharedClusterDefinition.Name)]
public sealed class PrometheusTests(SharedClusterFixture fixture)
{
    private GameCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task Prometheus_ScrapingTheCluster_SeesEveryTargetUpAndTheSeriesTheAlertsNeed()
    {
        // A player enters the world, so hub calls have been counted before Prometheus looks.
        await using (var player = await Cluster.ConnectAsync())
        {
            await player.CreateAndEnterAsync("Scraped");
        }

        using var prometheus = PrometheusProcess.Start(Cluster);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await prometheus.WaitUntilReadyAsync(http);

        // The cluster's running silos; other tests add silos that exit or are killed on purpose.
        var silos = Running(Cluster).Select(s => HostPort(s.Process.HttpUrl)).Order().ToList();
        var frontend = HostPort(Cluster.Frontend.HttpUrl);
        var up = await prometheus.QueryUntilAsync(http, $"up{{cluster=\"{Cluster.ClusterId}\"}} == 1", r => r.Count == silos.Count + 1);
        Assert.Equal(silos, up.Where(s => s.Labels["job"] == "sunderfall-silo").Select(s => s.Labels["instance"]).Order());
        Assert.Equal(frontend, Assert.Single(up, s => s.Labels["job"] == "sunderfall-frontend").Labels["instance"]);

        var ready = await prometheus.QueryUntilAsync(http, $"sunderfall_health_ready{{cluster=\"{Cluster.ClusterId}\"}}", r => r.Count == silos.Count + 1 && r.All(s => s.Value == 1));
        Assert.Equal(silos.Count + 1, ready.Count);
        Assert.All(ready, s => Assert.Equal(1, s.Value));

        var ring = await prometheus.QueryUntilAsync(http, $"orleans_consistent_ring_size{{cluster=\"{Cluster.ClusterId}\"}}", r => r.Count == silos.Count);
        Assert.Equal(silos.Count, ring.Count);
        Assert.All(ring, s => Assert.Equal(silos.Count, s.Value));

        var hubCalls = await prometheus.QueryUntilAsync(http, $"sunderfall_frontend_hub_calls_total{{cluster=\"{Cluster.ClusterId}\",outcome=\"completed\"}}", r => r.Count == 1);
        Assert.True(Assert.Single(hubCalls).Value >= 2, "the frontend did not count the player's hub calls");

        var pools = await prometheus.QueryUntilAsync(http, $"db_client_connection_max{{cluster=\"{Cluster.ClusterId}\"}}", r => r.Count > 0);
        Assert.NotEmpty(pools);
        Assert.All(pools, s => Assert.True(s.Value > 0));

        using var rules = JsonDocument.Parse(await http.GetStringAsync(prometheus.Url + "/api/v1/rules"));
        var alerts = rules.RootElement.GetProperty("data").GetProperty("groups").EnumerateArray()
            .SelectMany(g => g.GetProperty("rules").EnumerateArray())
            .Select(r => r.GetProperty("name").GetString())
            .ToList();
        Assert.Contains("SunderfallTargetDown", alerts);
        Assert.Contains("SunderfallSiloLeftCluster", alerts);
        Assert.Contains("SunderfallHubErrorRateHigh", alerts);
    }

    [Fact]
    public async Task ConsoleAlerts_ThroughAFrontendConfiguredWithPrometheus_AreWhatPrometheusReports_AndA502OnceItIsGone()
    {
        var prometheus = PrometheusProcess.Start(Cluster);
        var stopped = false;
        var frontend = Cluster.StartFrontend("console-alerts", Cluster.ClusterId, new Dictionary<string, string>
        {
            ["SUNDERFALL_Console__PrometheusUrl"] = prometheus.Url,
        });
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            await prometheus.WaitUntilReadyAsync(http);
            await frontend.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
            var admin = await Cluster.AdminAsync();
            using var operatorClient = new HttpClient();
            operatorClient.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", admin.AccessToken);

            using var answer = JsonDocument.Parse(await operatorClient.GetStringAsync(frontend.HttpUrl + "/api/moderation/alerts"));
            prometheus.Dispose();
            stopped = true;
            using var gone = await operatorClient.GetAsync(frontend.HttpUrl + "/api/moderation/alerts");

            Assert.True(answer.RootElement.GetProperty("configured").GetBoolean());
            Assert.Equal(prometheus.Url, answer.RootElement.GetProperty("prometheusUrl").GetString());
            var proxied = answer.RootElement.GetProperty("prometheus");
            Assert.Equal("success", proxied.GetProperty("status").GetString());
            Assert.Equal(JsonValueKind.Array, proxied.GetProperty("data").GetProperty("alerts").ValueKind);
            Assert.Equal(System.Net.HttpStatusCode.BadGateway, gone.StatusCode);
            Assert.Contains("did not answer", await gone.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            frontend.Kill();
            if (!stopped)
            {
                prometheus.Dispose();
            }
        }
    }

    private static IEnumerable<(ServerProcess Process, int SiloPort)> Running(GameCluster cluster) =>
        cluster.Silos.Where(s => !s.Process.HasExited);

    private static string HostPort(string url) => new Uri(url).Authority;

    /// <summary>One sample of a Prometheus instant query.</summary>
    private sealed record Sample(IReadOnlyDictionary<string, string> Labels, double Value);

    /// <summary>scripts/prometheus.sh running against a cluster, on a free port with a data folder of its own.</summary>
    private sealed class PrometheusProcess : IDisposable
    {
        private readonly Process process;
        private readonly string directory;

        private PrometheusProcess(Process process, string directory, string url)
        {
            this.process = process;
            this.directory = directory;
            Url = url;
        }

        public string Url { get; }

        private string LogPath => Path.Combine(directory, "prometheus.log");

        public static PrometheusProcess Start(GameCluster cluster)
        {
            var directory = Directory.CreateTempSubdirectory("sunderfall-prometheus-").FullName;
            var port = FreePort.Next();
            var silos = string.Join(',', Running(cluster).Select(s => HostPort(s.Process.HttpUrl)));
            // Through bash, so its output goes to a file without a reader thread; the script execs Prometheus, so the
            // PID held here is Prometheus' own.
            var info = new ProcessStartInfo("bash")
            {
                ArgumentList =
                {
                    "-c", "exec \"$0\" \"$@\" >\"$LOG\" 2>&1",
                    Path.Combine(TestEnvironment.RepoRoot, "scripts", "prometheus.sh"),
                    directory, port.ToString(CultureInfo.InvariantCulture), cluster.ClusterId, silos, HostPort(cluster.Frontend.HttpUrl), "1s",
                },
                UseShellExecute = false,
            };
            info.Environment["LOG"] = Path.Combine(directory, "prometheus.log");
            return new PrometheusProcess(Process.Start(info)!, directory, $"http://127.0.0.1:{port}");
        }

        public async Task WaitUntilReadyAsync(HttpClient http)
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
            while (DateTime.UtcNow < deadline)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"prometheus exited with code {process.ExitCode}:\n{Log()}");
                }

                try
                {
                    using var response = await http.GetAsync(Url + "/-/ready");
                    if (response.IsSuccessStatusCode)
                    {
                        return;
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    // Not listening yet.
                }

                await Task.Delay(250);
            }

            throw new TimeoutException($"prometheus was not ready at {Url}:\n{Log()}");
        }

        /// <summary>Runs an instant query until its result satisfies <paramref name="done"/> (scrapes come every second); returns the last result.</summary>
        public async Task<List<Sample>> QueryUntilAsync(HttpClient http, string query, Func<List<Sample>, bool> done)
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            List<Sample> result = [];
            while (DateTime.UtcNow < deadline)
            {
                result = await QueryAsync(http, query);
                if (done(result))
                {
                    return result;
                }

                await Task.Delay(500);
            }

            return result;
        }

        public void Dispose()
        {
            if (!process.HasExited)
            {
                process.Kill();
                process.WaitForExit(10_000);
            }

            process.Dispose();
            Directory.Delete(directory, recursive: true);
        }

        private async Task<List<Sample>> QueryAsync(HttpClient http, string query)
        {
            using var document = JsonDocument.Parse(await http.GetStringAsync(Url + "/api/v1/query?query=" + Uri.EscapeDataString(query)));
            return document.RootElement.GetProperty("data").GetProperty("result").EnumerateArray()
                .Select(r => new Sample(
                    r.GetProperty("metric").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!),
                    double.Parse(r.GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture)))
                .ToList();
        }

        private string Log() => File.Exists(LogPath) ? File.ReadAllText(LogPath) : "(no log)";
    }
}
