using System.Buffers;
using Sunderfall.Protocol.Sync;
using Xunit;

namespace Sunderfall.Protocol.Tests.Sync;

public sealed class DeltaEncoderTests
{
    private static VisibleEntity Entity(int netId, float x = 10f, float y = 20f, int health = 100, string name = "Mira", EntityKind kind = EntityKind.Player) =>
        new(netId, kind, name, x, y, health, 100);

    [Fact]
    public void Encode_WhenNothingChanged_WritesOnlyTheEmptyHeaderByte()
    {
        var encoder = new DeltaEncoder();
        VisibleEntity[] visible = [Entity(1), Entity(2, x: 500f)];
        encoder.Encode(visible);

        Assert.Equal(new byte[] { 0 }, encoder.Encode(visible));
    }

    [Fact]
    public void Encode_WhenOneOfAHundredEntitiesMoves_CostsOnlyThatEntitysUpdate()
    {
        var encoder = new DeltaEncoder();
        var visible = Enumerable.Range(0, 100).Select(i => Entity(i, x: i * 9f)).ToArray();
        encoder.Encode(visible);
        visible[42] = Entity(42, x: (42 * 9f) + 0.25f, y: 20.25f);

        byte[] payload = encoder.Encode(visible);

        // Header, update count, then (42 << 2 | moved) as two bytes, dx and dy as one byte each.
        Assert.Equal(6, payload.Length);
    }

    [Fact]
    public void Encode_WhenMovesAreSmallerThanAStep_MeasuresFromTheLastSentPositionSoNothingDrifts()
    {
        var encoder = new DeltaEncoder();
        var view = new WorldView();
        float x = 100f;

        for (int tick = 0; tick < 100; tick++)
        {
            // 0.02 units is under a third of a step: most ticks send nothing, yet the client never falls behind.
            x += 0.02f;
            view.Apply(encoder.Encode([Entity(7, x: x)]));

            Assert.True(view.TryGet(7, out VisibleEntity held));
            Assert.Equal(Quantization.ToUnits(Quantization.Quantize(x)), held.X);
        }
    }

    [Fact]
    public void Encode_WhenANetIdAppearsTwice_ThrowsAndKeepsTheSentState()
    {
        var encoder = new DeltaEncoder();
        encoder.Encode([Entity(1), Entity(2)]);

        var error = Assert.Throws<ArgumentException>(() => encoder.Encode([Entity(1, x: 50f), Entity(3), Entity(3)]));

        Assert.Contains("net id 3 appears more than once", error.Message, StringComparison.Ordinal);
        Assert.True(encoder.TryGetSent(1, out VisibleEntity one));
        Assert.Equal(10f, one.X);
        Assert.False(encoder.TryGetSent(3, out _));
        Assert.Equal(2, encoder.Count);
    }

    [Fact]
    public void Encode_WhenAKnownNetIdAppearsTwice_Throws()
    {
        var encoder = new DeltaEncoder();
        encoder.Encode([Entity(1)]);

        Assert.Throws<ArgumentException>(() => encoder.Encode([Entity(1), Entity(1, x: 11f)]));
    }

    [Fact]
    public void Encode_WhenANetIdIsNegative_ThrowsSayingNetIdsAreZeroOrMore()
    {
        var error = Assert.Throws<ArgumentException>(() => new DeltaEncoder().Encode([Entity(-1)]));

        Assert.Contains("net ids are 0 or more", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Encode_WhenAPositionIsNotFinite_ThrowsAndKeepsTheSentState()
    {
        var encoder = new DeltaEncoder();
        encoder.Encode([Entity(1)]);

        Assert.Throws<ArgumentOutOfRangeException>(() => encoder.Encode([Entity(1, x: 12f), Entity(2, y: float.NaN)]));

        Assert.True(encoder.TryGetSent(1, out VisibleEntity one));
        Assert.Equal(10f, one.X);
    }

    [Fact]
    public void Encode_WhenANameHasALoneSurrogate_ThrowsInsteadOfSendingADifferentName()
    {
        var error = Assert.Throws<ArgumentException>(() => new DeltaEncoder().Encode([Entity(1, name: "bad\ud800")]));

        Assert.Contains("not valid UTF-16", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Encode_WhenANetIdNowNamesAnotherEntity_DespawnsTheOldOneAndSpawnsTheNewOne()
    {
        var encoder = new DeltaEncoder();
        var view = new WorldView();
        view.Apply(encoder.Encode([Entity(4, name: "Wolf", kind: EntityKind.Monster)]));

        WorldViewChanges changes = view.Apply(encoder.Encode([Entity(4, name: "Wolf", kind: EntityKind.Npc)]));

        Assert.Equal(EntityKind.Monster, Assert.Single(changes.Despawned).Kind);
        Assert.Equal(EntityKind.Npc, Assert.Single(changes.Spawned).Kind);
        Assert.Empty(changes.Updated);

        changes = view.Apply(encoder.Encode([Entity(4, name: "Wolf pup", kind: EntityKind.Npc)]));

        Assert.Equal("Wolf pup", Assert.Single(changes.Spawned).Name);
        Assert.True(view.TryGet(4, out VisibleEntity held));
        Assert.Equal("Wolf pup", held.Name);
    }

    [Fact]
    public void Reset_MakesTheNextPayloadClearTheClientAndRespawnEverything()
    {
        var encoder = new DeltaEncoder();
        var view = new WorldView();
        VisibleEntity[] visible = [Entity(1), Entity(2)];
        view.Apply(encoder.Encode(visible));

        encoder.Reset();
        Assert.Equal(0, encoder.Count);
        WorldViewChanges changes = view.Apply(encoder.Encode(visible));

        Assert.True(changes.WasReset);
        Assert.Equal(2, changes.Despawned.Count);
        Assert.Equal(2, changes.Spawned.Count);
        Assert.Equal(2, view.Count);
        Assert.Equal(2, encoder.Count);
    }

    [Fact]
    public void Encode_IntoABufferWriter_AppendsTheSameBytesAsTheArrayOverloadAndReturnsTheirCount()
    {
        VisibleEntity[] visible = [Entity(1, name: "Łucja 🐉"), Entity(300, x: 999.5f)];
        byte[] expected = new DeltaEncoder().Encode(visible);
        var output = new ArrayBufferWriter<byte>();
        output.Write(new byte[] { 0xAA });

        int written = new DeltaEncoder().Encode(visible, output);

        Assert.Equal(expected.Length, written);
        Assert.Equal([0xAA, .. expected], output.WrittenSpan.ToArray());
    }

    [Fact]
    public void Encode_InSteadyStateWithMovesHealthChangesAndChurn_AllocatesNothing()
    {
        var encoder = new DeltaEncoder();
        var output = new ArrayBufferWriter<byte>(64 * 1024);
        List<VisibleEntity>[] ticks = Enumerable.Range(0, 40).Select(Tick).ToArray();

        for (int i = 0; i < 20; i++)
        {
            output.ResetWrittenCount();
            encoder.Encode(ticks[i], output);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 20; i < 40; i++)
        {
            output.ResetWrittenCount();
            encoder.Encode(ticks[i], output);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);

        // 200 entities; every tick each moves and some take damage, and a rotating tenth is out of sight.
        static List<VisibleEntity> Tick(int tick) =>
            Enumerable.Range(0, 200)
                .Where(i => (i + tick) % 10 != 0)
                .Select(i => new VisibleEntity(i, EntityKind.Monster, $"Boar {i}", (i * 4f) + (tick * 0.25f), 500f - (tick * 0.25f), 100 - ((tick + i) % 7), 100))
                .ToList();
    }
}
