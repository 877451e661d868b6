using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Sunderfall.LoadTest.Reports;

/// <summary>Writes a run as JSON and as one self-contained HTML page with charts over time (inline SVG).</summary>
public static class ReportWriter
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
    };

    private static readonly string[] Colors = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"];

    /// <summary>Writes {name}.json and {name}.html into <paramref name="directory"/>; returns both paths.</summary>
    public static (string Json, string Html) Write(RunReport report, string directory, string name)
    {
        Directory.CreateDirectory(directory);
        var json = Path.Combine(directory, name + ".json");
        var html = Path.Combine(directory, name + ".html");
        File.WriteAllText(json, JsonSerializer.Serialize(report, Json));
        File.WriteAllText(html, Html(report));
        return (json, html);
    }

    private static string Html(RunReport r)
    {
        var t = r.Timeline;
        var x = t.Select(p => p.Seconds).ToArray();
        var html = new StringBuilder();
        html.Append("<!doctype html><html><head><meta charset=\"utf-8\"><title>")
            .Append(E($"Sunderfall load test: {r.Target} {r.Scenario}"))
            .Append("</title><style>body{font-family:sans-serif;margin:24px;max-width:960px}table{border-collapse:collapse}")
            .Append("td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}th{background:#eee}svg{background:#fafafa;border:1px solid #ddd}")
            .Append(".l{text-align:left}</style></head><body>");
        html.Append("<h1>").Append(E($"{r.Kind}: {r.Target}, scenario {r.Scenario}")).Append("</h1>");
        html.Append("<p>").Append(E($"started {r.Started:u}; command: {r.Command}")).Append("</p>");
        html.Append("<table>");
        foreach (var (key, value) in r.Settings)
        {
            html.Append("<tr><th class=l>").Append(E(key)).Append("</th><td class=l>").Append(E(value)).Append("</td></tr>");
        }

        html.Append("</table>");
        if (r.Capacity is { } c)
        {
            html.Append("<h2>").Append(E($"Capacity: {c.Capacity} bots ({c.StoppedBecause})")).Append("</h2>");
            html.Append("<table><tr><th>bots</th><th>held</th><th>p50 ms</th><th>p99 ms</th><th>max ms</th><th>updates/s</th><th>B/client/s</th><th>errors</th><th class=l>verdict</th></tr>");
            foreach (var s in c.Steps)
            {
                var w = s.Window;
                html.Append(CultureInfo.InvariantCulture,
                    $"<tr><td>{s.Bots}</td><td>{(s.Held ? "yes" : "no")}</td><td>{w.P50Ms}</td><td>{w.P99Ms}</td><td>{w.MaxMs}</td><td>{w.EntityUpdatesPerSecond}</td><td>{w.BytesPerClientPerSecond}</td><td>{w.ErrorTotal}</td><td class=l>{E(s.Verdict)}</td></tr>");
            }

            html.Append("</table>");
        }

        if (r.Window is { } win)
        {
            html.Append("<h2>Hold window</h2><table>");
            Row(html, "bots", win.Bots);
            Row(html, "in game (lowest)", win.MinInGame);
            Row(html, "inputs/s", win.InputsPerSecond);
            Row(html, "entity updates/s", win.EntityUpdatesPerSecond);
            Row(html, "bytes per client per s", win.BytesPerClientPerSecond);
            Row(html, "latency p50 / p95 / p99 / max ms", $"{win.P50Ms} / {win.P95Ms} / {win.P99Ms} / {win.MaxMs}");
            Row(html, "errors", win.ErrorTotal == 0 ? "0" : string.Join(", ", win.Errors.Select(e => $"{e.Key} {e.Value}")));
            Row(html, "CPU % of one core (mean)", string.Join(", ", win.CpuPercent.Select(p => $"{p.Key} {p.Value}")));
            html.Append("</table>");
        }

        html.Append(Chart("Players", "bots", x,
            ("bots", t.Select(p => (double)p.Bots)), ("connected", t.Select(p => (double)p.Connected)), ("in game", t.Select(p => (double)p.InGame))));
        html.Append(Chart("Inputs and entity updates per second", "per s", x,
            ("inputs/s", t.Select(p => p.InputsPerSecond)), ("entity updates/s", t.Select(p => p.EntityUpdatesPerSecond))));
        html.Append(Chart("Input-to-result latency (each second)", "ms", x,
            ("p50", t.Select(p => p.P50Ms)), ("p99", t.Select(p => p.P99Ms)), ("max", t.Select(p => p.MaxMs))));
        html.Append(Chart("Bytes received per client per second", "B/s", x, ("bytes/client/s", t.Select(p => p.BytesPerClientPerSecond))));
        html.Append(Chart("Errors (cumulative)", "errors", x, ("errors", t.Select(p => (double)p.Errors))));
        var names = t.SelectMany(p => p.Processes.Select(q => q.Name)).Distinct().ToArray();
        html.Append(Chart("CPU per process (% of one core)", "%", x,
            [.. names.Select(n => (n, t.Select(p => p.Processes.FirstOrDefault(q => q.Name == n)?.CpuPercent ?? 0)))]));
        html.Append(Chart("Resident memory per process", "MB", x,
            [.. names.Select(n => (n, t.Select(p => p.Processes.FirstOrDefault(q => q.Name == n)?.RssMb ?? 0)))]));
        html.Append("</body></html>");
        return html.ToString();
    }

    private static void Row(StringBuilder html, string name, object value) =>
        html.Append("<tr><th class=l>").Append(E(name)).Append("</th><td>").Append(E(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "")).Append("</td></tr>");

    /// <summary>A line chart over the run's seconds, one polyline per series, scaled to the largest value.</summary>
    private static string Chart(string title, string unit, double[] x, params (string Name, IEnumerable<double> Values)[] series)
    {
        const int W = 900, H = 220, Left = 60, Right = 10, Top = 10, Bottom = 25;
        var data = series.Select(s => (s.Name, Values: s.Values.ToArray())).ToArray();
        var maxY = Math.Max(1e-9, data.SelectMany(s => s.Values).DefaultIfEmpty(0).Max());
        var maxX = Math.Max(1e-9, x.DefaultIfEmpty(0).Max());
        var svg = new StringBuilder();
        svg.Append("<h3>").Append(E(title)).Append("</h3>");
        svg.Append(CultureInfo.InvariantCulture, $"<svg width=\"{W}\" height=\"{H}\" viewBox=\"0 0 {W} {H}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{H - Bottom}\" x2=\"{W - Right}\" y2=\"{H - Bottom}\" stroke=\"#888\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{H - Bottom}\" stroke=\"#888\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 4}\" y=\"{Top + 10}\" font-size=\"11\" text-anchor=\"end\">{maxY:0.##}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 4}\" y=\"{H - Bottom}\" font-size=\"11\" text-anchor=\"end\">0</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{W - Right}\" y=\"{H - 8}\" font-size=\"11\" text-anchor=\"end\">{maxX:0} s</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left + 4}\" y=\"{Top + 10}\" font-size=\"11\">{E(unit)}</text>");
        for (var i = 0; i < data.Length; i++)
        {
            var color = Colors[i % Colors.Length];
            var points = new StringBuilder();
            var values = data[i].Values;
            for (var j = 0; j < Math.Min(values.Length, x.Length); j++)
            {
                var px = Left + (x[j] / maxX * (W - Left - Right));
                var py = H - Bottom - (values[j] / maxY * (H - Top - Bottom));
                points.Append(CultureInfo.InvariantCulture, $"{px:0.#},{py:0.#} ");
            }

            svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"1.5\" points=\"{points}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left + 80 + (i * 130)}\" y=\"{Top + 10}\" font-size=\"11\" fill=\"{color}\">{E(data[i].Name)}</text>");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
