namespace Sunderfall.LoadTest.Engine;

/// <summary>
/// Finds the largest bot count a target holds: every bot in the game, no errors, inputs answered and p99 input-to-result
/// latency within the limit over a hold window. Doubles from the start count until a step fails (or the maximum),
/// then bisects between the last count that held and the first that failed, down to the resolution. Bounded by the
/// maximum count and a deadline, so it always ends. The first step runs <paramref name="warmUp"/> longer before its
/// window: a freshly started .NET server spends its first minutes of load compiling hot code again (tiered JIT), which
/// would otherwise be charged to the first steps.
/// </summary>
public sealed class CapacitySearch(LoadEngine engine, double p99LimitMs, TimeSpan hold, TimeSpan settle, TimeSpan warmUp = default)
{
    /// <summary>At least this share of the inputs sent in a window must have been answered in it.</summary>
    public const double MinAcknowledged = 0.98;

    public async Task<CapacityResult> RunAsync(int start, int max, int resolution, TimeSpan budget, Action<CapacityStep>? onStep = null, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + budget;
        var steps = new List<CapacityStep>();
        var best = 0;
        WindowResult? atBest = null;
        int? failed = null;
        var next = Math.Min(start, max);
        string why;
        while (true)
        {
            if (DateTime.UtcNow + hold + settle > deadline)
            {
                why = "time budget spent";
                break;
            }

            await engine.GrowToAsync(next, cancellationToken).ConfigureAwait(false);
            var signUp = engine.LastSignUp;
            await Task.Delay(steps.Count == 0 ? settle + warmUp : settle, cancellationToken).ConfigureAwait(false);
            var window = await engine.HoldAsync(hold, cancellationToken).ConfigureAwait(false);
            var verdict = Judge(window);
            var step = new CapacityStep(next, verdict is null, verdict ?? "held", window, signUp);
            steps.Add(step);
            onStep?.Invoke(step);
            if (verdict is null)
            {
                best = next;
                atBest = window;
            }
            else
            {
                failed = failed is null ? next : Math.Min(failed.Value, next);
            }

            if (failed is null)
            {
                if (next >= max)
                {
                    why = $"held the maximum of {max} bots";
                    break;
                }

                next = Math.Min(max, next * 2);
                continue;
            }

            if (failed.Value - best <= resolution)
            {
                why = $"bisected to within {resolution} bots";
                break;
            }

            next = best + ((failed.Value - best) / 2);
        }

        return new CapacityResult(best, atBest, steps, why);
    }

    /// <summary>Null when the window held; otherwise the first reason it did not.</summary>
    public string? Judge(WindowResult w)
    {
        if (w.MinConnected < w.Bots || w.MinInGame < w.Bots)
        {
            return $"not all in game (at worst {w.MinInGame} of {w.Bots})";
        }

        if (w.ErrorTotal > 0)
        {
            return $"{w.ErrorTotal} errors ({string.Join(", ", w.Errors.Select(e => $"{e.Key} {e.Value}"))})";
        }

        if (w.LatencyCount == 0)
        {
            return "no input was answered";
        }

        if (w.AcknowledgedRatio < MinAcknowledged)
        {
            return $"only {w.AcknowledgedRatio:P1} of inputs answered within the window";
        }

        return w.P99Ms > p99LimitMs ? $"p99 {w.P99Ms} ms over {p99LimitMs} ms" : null;
    }
}
