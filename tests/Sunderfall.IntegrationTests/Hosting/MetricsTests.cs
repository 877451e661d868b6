using System.Globalization;
using System.Net;
using Sunderfall.IntegrationTests.Infrastructure;
using Xunit;

namespace Sunderfall.IntegrationTests.Hosting;

/// <summary>
/// Every process serves Prometheus metrics at /metrics. A player's inputs are counted at each stage of their way:
/// waiting in the frontend, the zone call, waiting in the zone for the tick, and the deltas that carry the result.
/// </summary>
[Collection(SharedClusterDefinition.Name)]
public sealed class MetricsTests(SharedClusterFixture fixture)
{
    private const int Moves = 12;

    private GameCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task Metrics_AfterAPlayerWalks_CountItsInputsAtEachStageOfTheirWay()
    {
        using var http = new HttpClient();
        var frontendBefore = await ScrapeAsync(http, Cluster.Frontend.HttpUrl);
        var silosBefore = await ScrapeSilosAsync(http);

        await using var player = await Cluster.ConnectAsync();
        await player.CreateAndEnterAsync("Metric");
        for (var i = 0; i < Moves; i++)
        {
            await player.MoveAsync(1f, 0f);
            await Task.Delay(60);
        }

        Assert.True(await GameClient.EventuallyAsync(() => player.LastAck >= player.LastInputSequence, TimeSpan.FromSeconds(10)), "the inputs were never acknowledged");

        // The exporter may answer a scrape from a cache for a moment: poll until the counts have moved.
        Metrics frontend = frontendBefore, silos = silosBefore;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            frontend = await ScrapeAsync(http, Cluster.Frontend.HttpUrl);
            silos = await ScrapeSilosAsync(http, silosBefore.Sources);
            if (silos.Grew(silosBefore, "sunderfall_zone_input_wait_seconds_count") >= Moves
                && frontend.Grew(frontendBefore, "sunderfall_frontend_inputs_total") >= Moves)
            {
                break;
            }

            await Task.Delay(250);
        }

        Assert.True(frontend.Grew(frontendBefore, "sunderfall_frontend_inputs_total") >= Moves, "the frontend did not count the inputs it forwarded");
        Assert.True(frontend.Grew(frontendBefore, "sunderfall_frontend_input_wait_seconds_count") >= Moves, "the frontend did not time each input's wait for its zone call");
        Assert.True(frontend.Grew(frontendBefore, "sunderfall_frontend_input_call_duration_seconds_count") >= 1, "the frontend did not time its zone calls");
        Assert.True(frontend.Grew(frontendBefore, "sunderfall_frontend_world_deltas_total") >= 1, "the frontend did not count the deltas it sent");
        Assert.True(frontend.Grew(frontendBefore, "sunderfall_frontend_world_delta_delay_seconds_count") >= 1, "the frontend did not time its deltas");
        Assert.True(silos.Grew(silosBefore, "sunderfall_zone_input_wait_seconds_count") >= Moves, "the zones did not time each input's wait for its tick");
        Assert.True(silos.Grew(silosBefore, "sunderfall_zone_inputs_total") >= Moves, "the zones did not count the inputs they took");
        Assert.True(silos.Grew(silosBefore, "sunderfall_zone_tick_duration_seconds_count") >= Moves, "the zones did not time their ticks");

        // A wait is a duration: positive, and an input is never held for seconds in a quiet cluster.
        var waited = frontend.Grew(frontendBefore, "sunderfall_frontend_input_wait_seconds_sum");
        Assert.InRange(waited, 0, Moves * 1.0);
        Assert.True(frontend.Has("sunderfall_frontend_players"), "the frontend does not report its players");
        Assert.True(frontend.Has("kestrel_active_connections"), "the frontend does not export Kestrel's metrics");
        Assert.True(silos.Has("dotnet_gc_collections_total"), "the silos do not export the runtime's metrics");
    }

    [Fact]
    public async Task Metrics_ForACallerOutsideTheAllowedNetworks_AreNotFound()
    {
        var fenced = Cluster.StartFrontend("fenced-frontend", "no-such-cluster-" + Guid.NewGuid().ToString("N")[..8], new Dictionary<string, string>
        {
            ["SUNDERFALL_Metrics__AllowedNetworks__0"] = "10.0.0.0/8",
        });
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            HttpResponseMessage? fencedAnswer = null;
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            while (fencedAnswer is null && DateTime.UtcNow < deadline)
            {
                try
                {
                    fencedAnswer = await http.GetAsync(fenced.HttpUrl + "/metrics");
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(200);
                }
            }

            using var open = await http.GetAsync(Cluster.Frontend.HttpUrl + "/metrics");

            Assert.NotNull(fencedAnswer);
            Assert.True(fencedAnswer.StatusCode == HttpStatusCode.NotFound, $"a caller outside 10.0.0.0/8 got {fencedAnswer.StatusCode}: {await fencedAnswer.Content.ReadAsStringAsync()}");
            Assert.DoesNotContain("sunderfall_", await fencedAnswer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, open.StatusCode);
            fencedAnswer.Dispose();
        }
        finally
        {
            fenced.Kill();
        }
    }

    [Fact]
    public async Task Frontend_WithAnAllowedNetworkThatIsNoNetwork_ExitsNamingIt()
    {
        var frontend = Cluster.StartFrontend("badnet-frontend", "no-such-cluster-" + Guid.NewGuid().ToString("N")[..8], new Dictionary<string, string>
        {
            ["SUNDERFALL_Metrics__AllowedNetworks__0"] = "the office",
        });

        Assert.True(await frontend.WaitForExitAsync(TimeSpan.FromSeconds(60)), "the frontend kept running with a metrics network it cannot read");
        Assert.NotEqual(0, frontend.ExitCode);
        Assert.Contains("Metrics:AllowedNetworks", frontend.Tail(), StringComparison.Ordinal);
    }

    // The shared cluster's list also holds silos that other tests started to fail or stopped: the silos are the
    // ones that answer, and the second scrape reads the same ones as the first, so a silo cannot add its whole count.
    private async Task<Metrics> ScrapeSilosAsync(HttpClient http, IReadOnlySet<string>? only = null)
    {
        var all = new Metrics([]);
        foreach (var (silo, _) in Cluster.Silos)
        {
            if (silo.HasExited || (only is not null && !only.Contains(silo.HttpUrl)))
            {
                continue;
            }

            try
            {
                all = all.Plus(await ScrapeAsync(http, silo.HttpUrl));
            }
            catch (HttpRequestException) when (only is null)
            {
                continue;
            }
        }

        return all;
    }

    private static async Task<Metrics> ScrapeAsync(HttpClient http, string baseUrl)
    {
        var text = await http.GetStringAsync(baseUrl + "/metrics");
        var sources = new HashSet<string>(StringComparer.Ordinal) { baseUrl };
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            // name{labels} value [timestamp]: the series of one name are summed (labels here never hold spaces).
            var end = line.IndexOfAny(['{', ' ']);
            var valueStart = line.IndexOf(' ', line[end] == '{' ? line.IndexOf('}', end) : end) + 1;
            var valueEnd = line.IndexOf(' ', valueStart);
            var value = double.Parse(valueEnd < 0 ? line[valueStart..] : line[valueStart..valueEnd], CultureInfo.InvariantCulture);
            var name = line[..end];
            values[name] = values.GetValueOrDefault(name) + value;
        }

        return new Metrics(values) { Sources = sources };
    }

    private sealed record Metrics(Dictionary<string, double> Values)
    {
        /// <summary>The processes (base URLs) whose scrapes are summed here.</summary>
        public IReadOnlySet<string> Sources { get; init; } = new HashSet<string>(StringComparer.Ordinal);

        public bool Has(string name) => Values.ContainsKey(name);

        public double Grew(Metrics before, string name) => Values.GetValueOrDefault(name) - before.Values.GetValueOrDefault(name);

        public Metrics Plus(Metrics other)
        {
            var sum = new Dictionary<string, double>(Values, StringComparer.Ordinal);
            foreach (var (name, value) in other.Values)
            {
                sum[name] = sum.GetValueOrDefault(name) + value;
            }

            return new Metrics(sum) { Sources = new HashSet<string>(Sources.Concat(other.Sources), StringComparer.Ordinal) };
        }
    }
}
