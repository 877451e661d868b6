using System.Globalization;
using Spectre.Console;
using Sunderfall.LoadTest.Engine;

namespace Sunderfall.LoadTest.Reports;

/// <summary>Shows the run while it goes: a live table on a terminal, a line every five seconds otherwise (on stderr,
/// so stdout ends with the result line alone).</summary>
public static class LiveView
{
    public static async Task<T> WatchAsync<T>(LoadEngine engine, Func<string> phase, Task<T> work)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        if (Console.IsErrorRedirected)
        {
            while (!work.IsCompleted)
            {
                await Task.WhenAny(work, Task.Delay(TimeSpan.FromSeconds(5))).ConfigureAwait(false);
                if (engine.Latest is { } p)
                {
                    await Console.Error.WriteLineAsync(Line(phase(), p)).ConfigureAwait(false);
                }
            }

            return await work.ConfigureAwait(false);
        }

        await console.Live(Table(phase(), engine)).StartAsync(async ctx =>
        {
            while (!work.IsCompleted)
            {
                await Task.WhenAny(work, Task.Delay(TimeSpan.FromSeconds(1))).ConfigureAwait(false);
                ctx.UpdateTarget(Table(phase(), engine));
            }
        }).ConfigureAwait(false);
        return await work.ConfigureAwait(false);
    }

    private static string Line(string phase, TimelinePoint p) => string.Create(CultureInfo.InvariantCulture,
        $"[{p.Seconds,6:0}s] {phase}: bots {p.Bots} connected {p.Connected} in game {p.InGame} | inputs/s {p.InputsPerSecond:0} updates/s {p.EntityUpdatesPerSecond:0} B/client/s {p.BytesPerClientPerSecond:0} | p50 {p.P50Ms} p99 {p.P99Ms} max {p.MaxMs} ms | errors {p.Errors} | {string.Join(" ", p.Processes.Select(q => $"{q.Name} {q.CpuPercent:0}% {q.RssMb:0}MB"))}");

    private static Table Table(string phase, LoadEngine engine)
    {
        var table = new Table().Title(Markup.Escape($"{engine.Options.Target} / {engine.Options.Scenario}: {phase}")).AddColumn("measure").AddColumn("value");
        if (engine.Latest is not { } p)
        {
            table.AddRow("starting", "");
            return table;
        }

        table.AddRow("elapsed", $"{p.Seconds:0} s");
        table.AddRow("bots / connected / in game", $"{p.Bots} / {p.Connected} / {p.InGame}");
        table.AddRow("inputs per second", $"{p.InputsPerSecond:0}");
        table.AddRow("entity updates per second", $"{p.EntityUpdatesPerSecond:0}");
        table.AddRow("bytes per client per second", $"{p.BytesPerClientPerSecond:0}");
        table.AddRow("latency p50 / p99 / max (last second)", $"{p.P50Ms} / {p.P99Ms} / {p.MaxMs} ms");
        table.AddRow("errors", Markup.Escape(string.Join(", ", engine.Metrics.Errors.Select(e => $"{e.Key} {e.Value}")).DefaultIfEmpty("0")));
        foreach (var q in p.Processes)
        {
            table.AddRow(Markup.Escape($"{q.Name} (pid {q.Pid})"), q.Alive ? $"CPU {q.CpuPercent:0}%  RSS {q.RssMb:0} MB" : "gone");
        }

        return table;
    }

    private static string DefaultIfEmpty(this string text, string fallback) => text.Length == 0 ? fallback : text;
}
