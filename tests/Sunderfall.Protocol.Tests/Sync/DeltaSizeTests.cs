using Sunderfall.Protocol.Sync;
using Xunit;
using Xunit.Abstractions;

namespace Sunderfall.Protocol.Tests.Sync;

public sealed class DeltaSizeTests(ITestOutputHelper output)
{
    private const int Entities = 50;
    private const int Ticks = 200;
    private const float StepUnits = 0.25f;

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1_000, 7)]
    [InlineData(100_000, 1)]
    public void Encode_ForFiftyEntitiesEachMovingAQuarterUnitPerTick_AveragesAtMostEightBytesPerMovedEntity(int idBase, int idStride)
    {
        var random = new Random(20_240_601);
        var encoder = new DeltaEncoder();
        var view = new WorldView();
        var x = new float[Entities];
        var y = new float[Entities];
        var heading = new double[Entities];
        for (int i = 0; i < Entities; i++)
        {
            x[i] = 100f + (random.NextSingle() * 800f);
            y[i] = 100f + (random.NextSingle() * 800f);
            heading[i] = random.NextDouble() * 2 * Math.PI;
        }

        view.Apply(encoder.Encode(Visible()));
        long payloadBytes = 0, moved = 0;
        for (int tick = 0; tick < Ticks; tick++)
        {
            for (int i = 0; i < Entities; i++)
            {
                heading[i] += (random.NextDouble() - 0.5) * 0.6;
                x[i] += StepUnits * (float)Math.Cos(heading[i]);
                y[i] += StepUnits * (float)Math.Sin(heading[i]);
            }

            byte[] payload = encoder.Encode(Visible());
            payloadBytes += payload.Length;
            moved += view.Apply(payload).Updated.Count;
        }

        // Whole payloads, header and counts included, divided by the entity updates they carried.
        double perUpdate = (double)payloadBytes / moved;
        output.WriteLine(
            $"net ids {idBase}..{idBase + ((Entities - 1) * idStride)}: {moved} moved-entity updates in {Ticks} ticks, " +
            $"{payloadBytes} payload bytes, {perUpdate:F2} bytes per update");
        Assert.Equal(Entities * Ticks, moved);
        Assert.True(perUpdate <= 8.0, $"{perUpdate:F2} bytes per moved-entity update exceeds 8");

        List<VisibleEntity> Visible() =>
            Enumerable.Range(0, Entities)
                .Select(i => new VisibleEntity(idBase + (i * idStride), EntityKind.Monster, "Wolf", x[i], y[i], 80, 80))
                .ToList();
    }
}
