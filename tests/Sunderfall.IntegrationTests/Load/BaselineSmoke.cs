using System.Text.Json;
using Sunderfall.LoadTest.Engine;
using Sunderfall.LoadTest.Runs;
using Xunit;

namespace Sunderfall.IntegrationTests.Load;

/// <summary>
/// The short run both baseline smoke tests (ping grain, naive relay) make: five bots at 5 inputs a second, a second
/// of warm-up (first activations and connections stay out of the window) and a 3 s hold, and the checks they share.
/// </summary>
internal static class BaselineSmoke
{
    private const int Bots = 5;

    public static Task<LoadRunResult> RunAsync(LoadOptions options, string label) =>
        LoadRun.FixedAsync(options, Bots, hold: TimeSpan.FromSeconds(3), warmUp: TimeSpan.FromSeconds(1),
            Directory.CreateTempSubdirectory("sunderfall-loadtest-").FullName, label, live: false);

    /// <summary>
    /// Every bot stayed in, no error, and the inputs were answered: 5 bots at 5 a second for 3 s is 75 inputs. A bot
    /// skips a beat while an input is out (the tester's timer does not queue ticks), and the suite's other clusters
    /// share the two cores (48 of 75 were answered once without warm-up), so the bound asks for two answers a second
    /// from each bot, not the full rate; the rate is the benchmark's business. Of the inputs sent, all are answered
    /// but those still out when the window closes: at most one per bot (a ping bot waits for each answer before its
    /// next call), which a 3 s window of 75 inputs cannot tell from a loss. A fixed 98 % bound (one or two inputs)
    /// failed a full run once at 94.7 % (4 of 75 out) while the suite's other clusters shared the cores.
    /// </summary>
    public static void AssertEveryBotAnswered(LoadRunResult result, string target, string answered)
    {
        var window = result.Report.Window!;
        Assert.Empty(window.Errors);
        Assert.Equal(Bots, window.MinInGame);
        Assert.True(window.LatencyCount >= 30, $"only {window.LatencyCount} {answered} in 3 s from {Bots} bots at 5/s");
        var sent = window.InputsPerSecond * window.Seconds;
        var unanswered = sent * (1 - window.AcknowledgedRatio);
        Assert.True(unanswered <= Bots + 0.5, $"only {window.AcknowledgedRatio:P1} of {sent:F0} inputs: {answered} ({unanswered:F0} unanswered; at most one per bot may still be out when the window closes)");
        using var summary = JsonDocument.Parse(result.SummaryLine);
        Assert.Equal(target, summary.RootElement.GetProperty("target").GetString());
    }
}
