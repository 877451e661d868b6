using Sunderfall.IntegrationTests.Infrastructure;
using Sunderfall.LoadTest.Engine;
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
        var options = new LoadOptions
        {
            Target = LoadTarget.Relay,
            Scenario = Scenario.Spread,
            BaseUrl = new Uri(relay.HttpUrl + "/"),
            RampPerSecond = 10,
        };

        var result = await BaselineSmoke.RunAsync(options, "relay smoke test");

        // Each move echoed to its sender.
        BaselineSmoke.AssertEveryBotAnswered(result, "relay", "moves came back to their senders");
        // All five share one group (35 a group), so each bot receives the other four's moves as well as its own.
        var window = result.Report.Window!;
        Assert.True(window.EntityUpdatesPerSecond > window.InputsPerSecond * 2, $"{window.EntityUpdatesPerSecond:F0} echoes a second for {window.InputsPerSecond:F0} moves a second: the group broadcast is missing");
        Assert.False(relay.HasExited, "the relay exited during the run:\n" + relay.Tail());
    }
}
