using System.Text.Json;
using Sunderfall.IntegrationTests.Infrastructure;
using Sunderfall.LoadTest.Engine;
using Sunderfall.LoadTest.Runs;
using Xunit;

namespace Sunderfall.IntegrationTests.Load;

/// <summary>
/// Keeps the load tester working: its engine, run in-process against the shared test cluster for a few bots and a
/// few seconds, signs the bots up, puts them in the world, times their inputs and writes its reports. The real
/// measurements are ./bench.sh load | capacity (docs/performance.md).
/// </summary>
[Collection(SharedClusterDefinition.Name)]
public sealed class LoadTestSmokeTests(SharedClusterFixture fixture)
{
    [Fact]
    public async Task FixedLoad_OfFiveBots_PutsThemInTheWorldTimesTheirInputsAndWritesTheReports()
    {
        var output = Directory.CreateTempSubdirectory("sunderfall-loadtest-").FullName;
        var options = new LoadOptions
        {
            Target = LoadTarget.Sunderfall,
            Scenario = Scenario.Spread,
            BaseUrl = new Uri(fixture.Cluster.Frontend.HttpUrl + "/"),
            RampPerSecond = 10,
            ChatEverySeconds = 3,
        };

        var result = await LoadRun.FixedAsync(options, bots: 5, hold: TimeSpan.FromSeconds(5), warmUp: TimeSpan.Zero, output, "smoke test", live: false);

        var window = result.Report.Window!;
        Assert.True(window.MinInGame == 5, $"only {window.MinInGame} of 5 bots stayed in the world; errors: {string.Join(", ", window.Errors)}");
        Assert.Empty(window.Errors);
        Assert.True(window.LatencyCount > 50, $"only {window.LatencyCount} inputs were answered in 5 s from 5 bots at 5 inputs/s");
        Assert.InRange(window.P99Ms, 0.1, 2_000);
        Assert.True(window.EntityUpdatesPerSecond > 0, "no entity update was delivered");
        Assert.True(window.BytesPerClientPerSecond > 0, "no bytes were counted");
        Assert.Contains(result.Report.Timeline, p => p.Processes.Any(q => q.Name == "loadtest" && q.RssMb > 0));

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(result.JsonPath));
        Assert.True(json.RootElement.GetProperty("timeline").GetArrayLength() >= 5);
        Assert.Contains("<svg", await File.ReadAllTextAsync(result.HtmlPath), StringComparison.Ordinal);
        using var summary = JsonDocument.Parse(result.SummaryLine);
        Assert.Equal(5, summary.RootElement.GetProperty("bots_held").GetInt32());
    }

    [Fact]
    public async Task PingBaseline_OfFiveCallers_TimesEveryCallToThePingGrainOfTheRealCluster()
    {
        var cluster = fixture.Cluster;
        var options = new LoadOptions
        {
            Target = LoadTarget.Ping,
            Scenario = Scenario.Spread,
            Orleans = (TestEnvironment.Redis, cluster.ClusterId, cluster.ServiceId),
            ClusterTls = TestEnvironment.ClusterCa.Options($"{cluster.ClusterId}-load-tester"),
            RampPerSecond = 10,
        };

        var result = await BaselineSmoke.RunAsync(options, "ping smoke test");

        // Each call answered by the ping grain in the cluster's silo.
        BaselineSmoke.AssertEveryBotAnswered(result, "ping", "ping calls were answered");
    }
}
