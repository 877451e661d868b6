using System.Diagnostics;
using HdrHistogram;
using Sunderfall.Content;
using Sunderfall.Grains.Interfaces.Common;
using Sunderfall.Grains.Interfaces.Zones;
using Sunderfall.Grains.Zones.Simulation;

namespace Sunderfall.Benchmarks.Zone;

/// <summary>
/// Times ZoneSimulation.Step (the silo's per-tick work: inputs, movement with collision, monster AI, portals) with
/// N players walking in random directions that change about once a second.
/// </summary>
internal static class ZoneTickBenchmark
{
    public static TickFigures Run(ContentCatalog content, int players, int ticks, int seed)
    {
        var (simulation, ids, random) = Populate(content, players, seed);
        var histogram = new LongHistogram(TimeStamp.Seconds(10), 3);
        long moved = 0;
        long sequence = 1;
        for (var tick = -200; tick < ticks; tick++)
        {
            sequence++;
            foreach (var id in ids)
            {
                if (random.Next(20) == 0)
                {
                    simulation.SubmitInput(id, RandomDirection(random, sequence));
                }
            }

            var started = Stopwatch.GetTimestamp();
            var result = simulation.Step(0.05f);
            var elapsed = Stopwatch.GetTimestamp() - started;
            if (tick >= 0)
            {
                histogram.RecordValue(elapsed);
                moved += result.Moved.Count;
            }

            // Players who walked into a portal come back at a random spot, so the count stays N.
            foreach (var crossing in result.Crossings)
            {
                simulation.AddPlayer(crossing.PlayerId, "bot", RandomFloor(simulation, random));
                simulation.SubmitInput(crossing.PlayerId, RandomDirection(random, sequence));
            }
        }

        return new TickFigures(
            players,
            simulation.MonsterCount,
            ToMs(histogram.GetValueAtPercentile(50)),
            ToMs(histogram.GetValueAtPercentile(99)),
            ToMs(histogram.GetMaxValue()),
            (double)moved / ticks);
    }

    /// <summary>A zone with N walking players, for this and the fan-out benchmark.</summary>
    public static (ZoneSimulation Simulation, List<Guid> Ids, Random Random) Populate(ContentCatalog content, int players, int seed)
    {
        var random = new Random(seed);
        var simulation = new ZoneSimulation(content.Zones["ashen-vale"], content, 5f, seed);
        var ids = new List<Guid>(players);
        for (var i = 0; i < players; i++)
        {
            var id = new Guid(random.Next(), (short)random.Next(), (short)random.Next(), new byte[8]);
            ids.Add(id);
            simulation.AddPlayer(id, $"bot{i}", RandomFloor(simulation, random));
            simulation.SubmitInput(id, RandomDirection(random, 1));
        }

        return (simulation, ids, random);
    }

    public static MoveInput RandomDirection(Random random, long sequence)
    {
        var angle = random.NextDouble() * Math.PI * 2;
        return new MoveInput(sequence, (float)Math.Cos(angle), (float)Math.Sin(angle));
    }

    private static WorldPosition RandomFloor(ZoneSimulation simulation, Random random)
    {
        while (true)
        {
            var p = new WorldPosition((float)(random.NextDouble() * simulation.Map.Width), (float)(random.NextDouble() * simulation.Map.Height));
            if (simulation.Map.IsWalkable(p))
            {
                return p;
            }
        }
    }

    private static double ToMs(long stopwatchTicks) => stopwatchTicks * 1000.0 / Stopwatch.Frequency;
}
