using System.Text.Json;
using Sunderfall.IntegrationTests.Infrastructure;
using Sunderfall.LoadTest.Engine;
using Sunderfall.LoadTest.Runs;
using Xunit;

namespace Sunderfall.IntegrationTests.Load;

/// <summary>
/// Keeps the capacity benchmark's baseline working: the built naive relay, started as its own process, takes five of
/// the load tester's relay bots, and every bot's movement comes back to every bot of the group.
/// </summary>
public sealed class RelaySmokeTests
{
    [Fact]
    public async Task FixedLoad_OfFiveRelayBots_EchoesEveryMoveToTheWholeGroup()
    {
        using var relay = ServerProcess.Start("naive-relay-smoke", "Sunderfall.NaiveRelay", FreePort.Next(), new Dictionary<string, string>());
        await relay.WaitUntilReadyAsync(TimeSpan.FromSeconds(60), "/health");
        var output = Directory.CreateTempSubdirectory("sunderfall-loadtest-relay-").FullName;
        var options = new LoadOptions
        {
            Target = LoadTarget.Relay,
            Scenario = Scenario.Spread,
            BaseUrl = new Uri(relay.HttpUrl + "/"),
            RampPerSecond = 10,
        };

        var result = await LoadRun.FixedAsync(options, bots: 5, hold: TimeSpan.FromSeconds(3), warmUp: TimeSpan.FromSeconds(1), output, "relay smoke test", live: false);

        var window = result.Report.Window!;
        Assert.Empty(window.Errors);
        Assert.Equal(5, window.MinInGame);
        // 5 bots at 5 moves a second for 3 s, each echoed to its sender: 75 timed moves (the bound leaves room for
        // ticks skipped on cores shared with the suite's clusters; rates are the benchmark's business).
        Assert.True(window.LatencyCount >= 30, $"only {window.LatencyCount} moves came back to their senders in 3 s from 5 bots at 5/s");
        Assert.True(window.AcknowledgedRatio >= 0.98, $"only {window.AcknowledgedRatio:P1} of the moves came back to their senders");
        // All five share one group (35 a group), so each bot receives the other four's moves as well as its own.
        Assert.True(window.EntityUpdatesPerSecond > window.InputsPerSecond * 2, $"{window.EntityUpdatesPerSecond:F0} echoes a second for {window.InputsPerSecond:F0} moves a second: the group broadcast is missing");
        Assert.False(relay.HasExited, "the relay exited during the run:\n" + relay.Tail());
        using var summary = JsonDocument.Parse(result.SummaryLine);
        Assert.Equal("relay", summary.RootElement.GetProperty("target").GetString());
    }
}
