using System.Diagnostics;
using HdrHistogram;
using Sunderfall.Content;
using Sunderfall.Frontend.World;
using Sunderfall.Protocol.Sync;

namespace Sunderfall.Benchmarks.Zone;

/// <summary>
/// Times the frontend's per-tick work for a zone of N connected players: area of interest for every player plus
/// delta encoding, once with the InterestGrid and once with a brute-force scan (the baseline), on identical
/// inputs. Both must produce identical payloads; the run fails if they do not.
/// </summary>
internal static class FanOutBenchmark
{
    private static readonly Comparison<VisibleEntity> ByNetId = (a, b) => a.NetId.CompareTo(b.NetId);

    public static FanOutFigures Run(ContentCatalog content, int players, int ticks, int seed)
    {
        var (simulation, ids, random) = ZoneTickBenchmark.Populate(content, players, seed);
        var radius = simulation.Zone.ViewRadius;
        var grid = new InterestGrid(radius);
        var gridEncoders = ids.Select(_ => new DeltaEncoder()).ToArray();
        var bruteEncoders = ids.Select(_ => new DeltaEncoder()).ToArray();
        var gridHistogram = new LongHistogram(TimeStamp.Seconds(10), 3);
        var bruteHistogram = new LongHistogram(TimeStamp.Seconds(10), 3);
        var visible = new List<VisibleEntity>();
        var entities = new List<VisibleEntity>();
        long visibleTotal = 0;
        long bytesTotal = 0;
        for (var tick = -20; tick < ticks; tick++)
        {
            foreach (var id in ids.Where(_ => random.Next(20) == 0))
            {
                simulation.SubmitInput(id, ZoneTickBenchmark.RandomDirection(random, tick + 100));
            }

            simulation.Step(0.05f);
            entities.Clear();
            entities.AddRange(simulation.Entities().Select(e => new VisibleEntity(e.NetId, (Sunderfall.Protocol.Sync.EntityKind)(byte)e.Kind, e.Name, e.X, e.Y, e.Health, e.MaxHealth)));
            var selves = ids.Select(id => simulation.TryGetPlayer(id, out var netId, out var p) ? (NetId: netId, p.X, p.Y) : (NetId: 0, X: 0f, Y: 0f)).ToArray();

            var started = Stopwatch.GetTimestamp();
            grid.Clear();
            foreach (var e in entities)
            {
                grid.Add(e);
            }

            var gridPayloads = new byte[ids.Count][];
            for (var i = 0; i < ids.Count; i++)
            {
                grid.Query(selves[i].X, selves[i].Y, radius, visible);
                visible.Sort(ByNetId);
                visibleTotal += tick >= 0 ? visible.Count : 0;
                gridPayloads[i] = gridEncoders[i].Encode(visible);
            }

            var gridElapsed = Stopwatch.GetTimestamp() - started;

            started = Stopwatch.GetTimestamp();
            var brutePayloads = new byte[ids.Count][];
            var r2 = (double)radius * radius;
            for (var i = 0; i < ids.Count; i++)
            {
                visible.Clear();
                foreach (var e in entities)
                {
                    double dx = e.X - selves[i].X, dy = e.Y - selves[i].Y;
                    if ((dx * dx) + (dy * dy) <= r2)
                    {
                        visible.Add(e);
                    }
                }

                visible.Sort(ByNetId);
                brutePayloads[i] = bruteEncoders[i].Encode(visible);
            }

            var bruteElapsed = Stopwatch.GetTimestamp() - started;
            if (tick >= 0)
            {
                gridHistogram.RecordValue(gridElapsed);
                bruteHistogram.RecordValue(bruteElapsed);
                bytesTotal += gridPayloads.Sum(p => (long)p.Length);
            }

            for (var i = 0; i < ids.Count; i++)
            {
                if (!gridPayloads[i].AsSpan().SequenceEqual(brutePayloads[i]))
                {
                    throw new InvalidOperationException($"grid and brute-force interest disagree for player {i} at tick {tick}");
                }
            }
        }

        return new FanOutFigures(
            players,
            gridHistogram.GetValueAtPercentile(99) * 1000.0 / Stopwatch.Frequency,
            bruteHistogram.GetValueAtPercentile(99) * 1000.0 / Stopwatch.Frequency,
            (double)visibleTotal / ticks / ids.Count,
            bytesTotal / ticks);
    }
}
