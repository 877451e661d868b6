using Sunderfall.Protocol.Sync;
using Xunit;

namespace Sunderfall.Protocol.Tests.Sync;

/// <summary>Comparisons between the true state, what the encoder sent and what the client holds.</summary>
internal static class SyncAssert
{
    /// <summary>The state a client should hold for these entities: positions quantized, then back in units.</summary>
    public static List<VisibleEntity> Quantized(IEnumerable<VisibleEntity> entities) =>
        entities.Select(e => new VisibleEntity(
                e.NetId, e.Kind, e.Name,
                Quantization.ToUnits(Quantization.Quantize(e.X)), Quantization.ToUnits(Quantization.Quantize(e.Y)),
                e.Health, e.MaxHealth))
            .OrderBy(e => e.NetId)
            .ToList();

    public static List<VisibleEntity> Held(WorldView view)
    {
        var held = new List<VisibleEntity>();
        view.CopyTo(held);
        return held.OrderBy(e => e.NetId).ToList();
    }

    public static List<VisibleEntity> Sent(DeltaEncoder encoder)
    {
        var sent = new List<VisibleEntity>();
        encoder.CopySentTo(sent);
        return sent.OrderBy(e => e.NetId).ToList();
    }

    /// <summary>Client == encoder's last-sent state == quantized truth.</summary>
    public static void Converged(IEnumerable<VisibleEntity> truth, DeltaEncoder encoder, WorldView view)
    {
        List<VisibleEntity> expected = Quantized(truth);
        Assert.Equal(expected, Sent(encoder));
        Assert.Equal(expected, Held(view));
        Assert.Equal(expected.Count, encoder.Count);
        Assert.Equal(expected.Count, view.Count);
    }
}
