using System.Globalization;
using System.Text.Json;
using Sunderfall.LoadTest.Engine;
using Sunderfall.LoadTest.Reports;

namespace Sunderfall.LoadTest.Runs;

/// <summary>The two kinds of run: a fixed load held for a while, and a capacity search.</summary>
public static class LoadRun
{
    /// <summary>
    /// Ramps to <paramref name="bots"/>, lets them play for <paramref name="warmUp"/> unmeasured, holds for
    /// <paramref name="hold"/>, writes the reports.
    /// </summary>
    public static async Task<LoadRunResult> FixedAsync(
        LoadOptions options, int bots, TimeSpan hold, TimeSpan warmUp, string outputDirectory, string command, bool live, CancellationToken cancellationToken = default)
    {
        var started = DateTimeOffset.UtcNow;
        await using var engine = new LoadEngine(options);
        await engine.StartAsync(cancellationToken).ConfigureAwait(false);
        var phase = "ramping up";
        async Task<WindowResult> WorkAsync()
        {
            await engine.GrowToAsync(bots, cancellationToken).ConfigureAwait(false);
            if (warmUp > TimeSpan.Zero)
            {
                phase = "warming up";
                await Task.Delay(warmUp, cancellationToken).ConfigureAwait(false);
            }

            phase = "holding";
            return await engine.HoldAsync(hold, cancellationToken).ConfigureAwait(false);
        }

        var work = WorkAsync();
        var window = live ? await LiveView.WatchAsync(engine, () => phase, work).ConfigureAwait(false) : await work.ConfigureAwait(false);
        var settings = Settings(options, hold);
        settings["warm-up"] = $"{warmUp.TotalSeconds} s after the ramp, not measured";
        var report = new RunReport("load", Name(options.Target), Name(options.Scenario), started, command, settings, window, null, engine.Timeline);
        var (json, html) = ReportWriter.Write(report, outputDirectory, $"load-{Name(options.Target)}-{Name(options.Scenario)}");
        var summary = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["scenario"] = Name(options.Scenario),
            ["target"] = Name(options.Target),
            ["bots_requested"] = bots,
            ["bots_held"] = window.MinInGame,
            ["p99_ms"] = window.P99Ms,
            ["entity_updates_per_s"] = window.EntityUpdatesPerSecond,
            ["errors"] = window.ErrorTotal,
            ["p50_ms"] = window.P50Ms,
            ["p95_ms"] = window.P95Ms,
            ["max_ms"] = window.MaxMs,
            ["inputs_per_s"] = window.InputsPerSecond,
            ["bytes_per_client_per_s"] = window.BytesPerClientPerSecond,
            ["sign_ups_per_s"] = engine.LastSignUp?.PerSecond ?? 0,
            ["sign_ups_failed"] = engine.LastSignUp is { } signUp ? signUp.Attempted - signUp.SignedUp : 0,
            ["cpu_percent"] = window.CpuPercent.ToDictionary(p => p.Key, p => Math.Round(p.Value, 1)),
            ["report"] = html,
        });
        return new LoadRunResult(report, json, html, summary);
    }

    /// <summary>Searches the largest bot count the target holds (see <see cref="CapacitySearch"/>).</summary>
    public static async Task<LoadRunResult> CapacityAsync(
        LoadOptions options, CapacityPlan plan, string outputDirectory, string command, bool live, CancellationToken cancellationToken = default)
    {
        var started = DateTimeOffset.UtcNow;
        await using var engine = new LoadEngine(options);
        await engine.StartAsync(cancellationToken).ConfigureAwait(false);
        var search = new CapacitySearch(engine, plan.P99LimitMs, plan.Hold, plan.Settle, plan.WarmUp);
        var phase = "searching";
        var work = search.RunAsync(plan.Start, plan.Max, plan.Resolution, plan.Budget, step =>
        {
            phase = $"last step {step.Bots} bots: {step.Verdict}";
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"step {step.Bots} bots: {(step.Held ? "HELD" : "failed")} - {step.Verdict};{SignUpText(step.SignUp)} p50 {step.Window.P50Ms} p99 {step.Window.P99Ms} ms, updates/s {step.Window.EntityUpdatesPerSecond}, CPU {string.Join(" ", step.Window.CpuPercent.Select(p => $"{p.Key} {p.Value}%"))}"));
        }, cancellationToken);
        var result = live ? await LiveView.WatchAsync(engine, () => phase, work).ConfigureAwait(false) : await work.ConfigureAwait(false);
        var settings = Settings(options, plan.Hold);
        settings["p99 limit"] = $"{plan.P99LimitMs} ms";
        settings["steps"] = $"start {plan.Start}, doubling, then bisecting to {plan.Resolution}; max {plan.Max}; settle {plan.Settle.TotalSeconds} s (first step: {plan.WarmUp.TotalSeconds} s more to warm up); budget {plan.Budget.TotalMinutes} min";
        var report = new RunReport("capacity", Name(options.Target), Name(options.Scenario), started, command, settings, result.AtCapacity, result, engine.Timeline);
        var (json, html) = ReportWriter.Write(report, outputDirectory, $"capacity-{Name(options.Target)}-{Name(options.Scenario)}");
        var summary = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["target"] = Name(options.Target),
            ["scenario"] = Name(options.Scenario),
            ["capacity"] = result.Capacity,
            ["p99_ms_at_capacity"] = result.AtCapacity?.P99Ms,
            ["entity_updates_per_s_at_capacity"] = result.AtCapacity?.EntityUpdatesPerSecond,
            ["stopped_because"] = result.StoppedBecause,
            ["report"] = html,
        });
        return new LoadRunResult(report, json, html, summary);
    }

    private static string SignUpText(SignUpResult? s) =>
        s is null || s.Attempted == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $" signed up {s.SignedUp}/{s.Attempted} in {s.Seconds} s ({s.PerSecond}/s);");

    public static string Name<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();

    private static Dictionary<string, string> Settings(LoadOptions o, TimeSpan hold) => new()
    {
        ["target"] = o.Target == LoadTarget.Ping && o.Orleans is { } cluster
            ? $"ping grain of cluster {cluster.ClusterId} (membership in Redis {cluster.Redis})"
            : $"{Name(o.Target)} at {o.BaseUrl}",
        ["scenario"] = Name(o.Scenario),
        ["inputs per bot per second"] = o.InputsPerSecond.ToString(CultureInfo.InvariantCulture),
        ["ramp (bots per second)"] = o.RampPerSecond.ToString(CultureInfo.InvariantCulture),
        ["sign-ups"] = $"before each ramp, {o.SignUpConcurrency} at a time",
        ["hold"] = $"{hold.TotalSeconds} s",
        ["chat every"] = o.ChatEverySeconds > 0 ? $"{o.ChatEverySeconds} s (±50 %)" : "never",
        ["machine"] = $"{Environment.ProcessorCount} cores, .NET {Environment.Version}, bots on the same machine",
    };
}
