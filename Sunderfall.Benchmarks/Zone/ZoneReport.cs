using System.Globalization;
using System.Text.Json;
using Sunderfall.Content;

namespace Sunderfall.Benchmarks.Zone;

/// <summary>Runs the zone benchmarks, prints a table and ends with one JSON line.</summary>
internal static class ZoneReport
{
    public static int Run(string contentDirectory, int ticks, int seed)
    {
        var content = ContentLoader.Load(contentDirectory);
        Console.WriteLine($"zone benchmark: {ticks} ticks per configuration, seed {seed}, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        Console.WriteLine();
        Console.WriteLine("Silo: ZoneSimulation.Step (inputs, collision, monster AI, portals)");
        Console.WriteLine("players  monsters  moved/tick   p50 ms   p99 ms   max ms");
        var tick = new Dictionary<int, TickFigures>();
        foreach (var players in new[] { 100, 500, 2000 })
        {
            var f = ZoneTickBenchmark.Run(content, players, ticks, seed);
            tick[players] = f;
            Console.WriteLine(Invariant($"{f.Players,7}  {f.Monsters,8}  {f.MovedPerTick,10:0.0}  {f.P50Ms,7:0.000}  {f.P99Ms,7:0.000}  {f.MaxMs,7:0.000}"));
        }

        Console.WriteLine();
        Console.WriteLine("Silo: the same step with players in parties of 5, each party fighting its own monster (baseline: the same players idle)");
        Console.WriteLine("players  monsters  events/tick  idle p99 ms  fighting p50 ms  fighting p99 ms  p99 ratio");
        var combat = new Dictionary<int, (TickFigures Idle, TickFigures Fighting)>();
        foreach (var players in new[] { 100, 500, 2000 })
        {
            var idle = CombatTickBenchmark.Run(content, players, ticks, seed, fighting: false);
            var fighting = CombatTickBenchmark.Run(content, players, ticks, seed, fighting: true);
            combat[players] = (idle, fighting);
            Console.WriteLine(Invariant(
                $"{players,7}  {fighting.Monsters,8}  {fighting.MovedPerTick,11:0.0}  {idle.P99Ms,11:0.000}  {fighting.P50Ms,15:0.000}  {fighting.P99Ms,15:0.000}  {fighting.P99Ms / idle.P99Ms,8:0.0}x"));
        }

        Console.WriteLine();
        Console.WriteLine("Frontend: interest + delta encoding for every connected player, per tick");
        Console.WriteLine("players  visible/client  grid p99 ms  brute-force p99 ms  ratio  payload bytes/tick");
        var fanOut = new Dictionary<int, FanOutFigures>();
        foreach (var players in new[] { 100, 500, 2000 })
        {
            var f = FanOutBenchmark.Run(content, players, Math.Max(50, ticks / 5), seed);
            fanOut[players] = f;
            Console.WriteLine(Invariant($"{f.Players,7}  {f.VisiblePerClient,14:0.0}  {f.GridP99Ms,11:0.000}  {f.BruteForceP99Ms,18:0.000}  {f.BruteForceP99Ms / f.GridP99Ms,5:0.0}x  {f.PayloadBytesPerTick,18}"));
        }

        Console.WriteLine();
        var wire = WireBenchmark.Run(50, ticks, seed);
        Console.WriteLine("Wire: one client, 50 visible entities walking, SignalR MessagePack frames");
        Console.WriteLine(Invariant($"  payload bytes per moved-entity update   {wire.PayloadBytesPerEntityUpdate:0.00}"));
        Console.WriteLine(Invariant($"  bytes per client per second (framed)    {wire.FramedBytesPerClientPerSecond:0}"));
        Console.WriteLine(Invariant($"  naive full snapshot per tick (baseline) {wire.NaiveBytesPerClientPerSecond:0}  ({wire.NaiveBytesPerClientPerSecond / wire.FramedBytesPerClientPerSecond:0.0}x more)"));
        Console.WriteLine();

        var summary = new Dictionary<string, double>
        {
            ["tick_p99_ms_at_500"] = Math.Round(tick[500].P99Ms, 3),
            ["tick_p99_ms_at_2000"] = Math.Round(tick[2000].P99Ms, 3),
            ["wire_bytes_per_entity_update"] = Math.Round(wire.PayloadBytesPerEntityUpdate, 2),
            ["bytes_per_client_per_s_at_50_visible"] = Math.Round(wire.FramedBytesPerClientPerSecond),
            ["tick_p99_ms_at_100"] = Math.Round(tick[100].P99Ms, 3),
            ["combat_tick_p99_ms_at_500_fighting"] = Math.Round(combat[500].Fighting.P99Ms, 3),
            ["combat_tick_p99_ms_at_2000_fighting"] = Math.Round(combat[2000].Fighting.P99Ms, 3),
            ["combat_p99_ratio_vs_idle_at_500"] = Math.Round(combat[500].Fighting.P99Ms / combat[500].Idle.P99Ms, 2),
            ["fanout_p99_ms_at_500"] = Math.Round(fanOut[500].GridP99Ms, 3),
            ["fanout_grid_speedup_vs_brute_force_at_2000"] = Math.Round(fanOut[2000].BruteForceP99Ms / fanOut[2000].GridP99Ms, 1),
            ["wire_ratio_naive_snapshot_vs_delta"] = Math.Round(wire.NaiveBytesPerClientPerSecond / wire.FramedBytesPerClientPerSecond, 1),
        };
        Console.WriteLine(JsonSerializer.Serialize(summary));
        return 0;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
