using System.Buffers;
using CsCheck;
using Sunderfall.Protocol.Sync;
using Xunit;

namespace Sunderfall.Protocol.Tests.Sync;

public sealed class WorldViewTests
{
    // Resets the view, then spawns net id 5: Player "a" at (0, 0) with health 10 of 10.
    private static readonly byte[] SpawnFive = [0x05, 0x01, 0x05, 0x00, 0x01, (byte)'a', 0x00, 0x00, 0x14, 0x14];

    public static TheoryData<string, byte[], string> MalformedPayloads => new()
    {
        { "empty", [], "empty" },
        { "unknown header bits", [0x10], "header 0x10" },
        { "varint longer than 64 bits", [0x02, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01], "overflows 64 bits" },
        { "varint not in shortest form", [0x02, 0x81, 0x00, 0x05], "shortest form" },
        { "announced section with no records", [0x02, 0x00], "is 0" },
        { "count beyond the payload", [0x02, 0x05, 0x05], "more than the 1 bytes left" },
        { "despawn of an unknown net id", [0x02, 0x01, 0x06], "despawns net id 6, which the client does not know" },
        { "despawn twice", [0x02, 0x02, 0x05, 0x05], "despawns net id 5 twice" },
        { "spawn of a held net id", [0x04, 0x01, 0x05, 0x00, 0x01, (byte)'a', 0x00, 0x00, 0x00, 0x00], "spawns net id 5, which the client already has" },
        { "spawn twice", [0x04, 0x02, 0x06, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x06, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00], "spawns net id 6" },
        { "unknown entity kind", [0x04, 0x01, 0x06, 0x03, 0x01, (byte)'a', 0x00, 0x00, 0x00, 0x00], "unknown entity kind 3" },
        { "invalid UTF-8 name", [0x04, 0x01, 0x06, 0x00, 0x01, 0xFF, 0x00, 0x00, 0x00, 0x00], "not valid UTF-8" },
        { "name longer than the payload", [0x04, 0x01, 0x06, 0x00, 0x09, (byte)'a', 0x00], "ends while reading an entity name" },
        { "spawn x outside 32 bits", [0x04, 0x01, 0x06, 0x00, 0x00, .. Varint(1UL << 33), 0x00, 0x00, 0x00], "outside the 32-bit range" },
        { "update of an unknown net id", [0x08, 0x01, (6 << 2) | 1, 0x02, 0x00], "updates net id 6, which the client does not know" },
        { "update that changes nothing", [0x08, 0x01, 5 << 2], "changes nothing" },
        { "zero move", [0x08, 0x01, (5 << 2) | 1, 0x00, 0x00], "move of net id 5 is zero" },
        { "zero health change", [0x08, 0x01, (5 << 2) | 2, 0x00], "health change of net id 5 is zero" },
        { "update twice", [0x08, 0x02, (5 << 2) | 1, 0x02, 0x00, (5 << 2) | 1, 0x02, 0x00], "updates net id 5" },
        { "update after despawn", [0x0A, 0x01, 0x05, 0x01, (5 << 2) | 1, 0x02, 0x00], "updates net id 5" },
        { "update after reset", [0x09, 0x01, (5 << 2) | 1, 0x02, 0x00], "updates net id 5" },
        { "health pushed outside 32 bits", [0x08, 0x01, (5 << 2) | 2, .. Varint(WireZigZag(int.MaxValue) << 1)], "health of net id 5 leaves the 32-bit range" },
        { "net id beyond 31 bits", [0x02, 0x01, .. Varint(1UL << 31)], "exceeds the largest net id" },
        { "trailing bytes", [0x00, 0x00], "1 bytes follow the last record" },
    };

    [Theory]
    [MemberData(nameof(MalformedPayloads))]
    public void Apply_WhenThePayloadIsMalformed_ThrowsFormatExceptionSayingWhyAndKeepsTheView(string defect, byte[] payload, string reason)
    {
        var view = new WorldView();
        view.Apply(SpawnFive);
        List<VisibleEntity> before = SyncAssert.Held(view);

        var error = Assert.Throws<FormatException>(() => view.Apply(payload));

        Assert.True(error.Message.Contains(reason, StringComparison.Ordinal), $"{defect}: '{error.Message}' lacks '{reason}'");
        Assert.StartsWith("Malformed world delta payload: ", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, SyncAssert.Held(view));
    }

    [Fact]
    public void Apply_WhenAValidPayloadIsCutAtAnyByte_ThrowsFormatExceptionAndKeepsTheView()
    {
        ScenarioGen.Scenario(maxEntities: 25, maxTicks: 8).Sample(scenario =>
        {
            var zone = new TrueZone(scenario);
            var encoder = new DeltaEncoder();
            var view = new WorldView();

            for (int tick = 0; tick < zone.TickCount; tick++)
            {
                byte[] payload = encoder.Encode(zone.Visible(tick));
                List<VisibleEntity> before = SyncAssert.Held(view);

                for (int length = 0; length < payload.Length; length++)
                {
                    Assert.Throws<FormatException>(() => view.Apply(payload.AsSpan(0, length)));
                }

                Assert.Equal(before, SyncAssert.Held(view));
                view.Apply(payload);
                zone.Advance(tick);
            }
        }, iter: 40);
    }

    [Fact]
    public void Apply_WhenBytesAreCorruptedInsertedOrDropped_ThrowsNothingButFormatException()
    {
        var mutation = Gen.Select(Gen.Int[0, 2], Gen.Double[0.0, 1.0], Gen.Byte);
        Gen.Select(ScenarioGen.Scenario(maxEntities: 25, maxTicks: 6), mutation.Array[1, 4]).Sample((scenario, mutations) =>
        {
            var zone = new TrueZone(scenario);
            var encoder = new DeltaEncoder();
            var view = new WorldView();

            for (int tick = 0; tick < zone.TickCount; tick++)
            {
                byte[] payload = encoder.Encode(zone.Visible(tick));
                var corrupted = payload.ToList();
                foreach ((int op, double where, byte value) in mutations)
                {
                    int at = (int)(where * corrupted.Count);
                    switch (op)
                    {
                        case 0 when at < corrupted.Count: corrupted[at] ^= (byte)(value | 1); break;
                        case 1: corrupted.Insert(at, value); break;
                        case 2 when at < corrupted.Count: corrupted.RemoveAt(at); break;
                    }
                }

                // A corrupted payload may happen to be valid; what must never escape is any other exception.
                var probe = new WorldView();
                probe.Apply(SyncAssert.Held(view).Count == 0 ? [0x01] : RespawnPayload(view));
                Exception? error = Record.Exception(() => probe.Apply(corrupted.ToArray()));
                Assert.True(error is null or FormatException, $"threw {error}");

                view.Apply(payload);
                zone.Advance(tick);
            }
        }, iter: 300);
    }

    [Fact]
    public void Apply_WhenOnlyPositionsAndHealthChange_AllocatesNothing()
    {
        var encoder = new DeltaEncoder();
        var view = new WorldView();
        byte[][] payloads = Enumerable.Range(0, 40)
            .Select(tick => encoder.Encode(Enumerable.Range(0, 200)
                .Select(i => new VisibleEntity(i, EntityKind.Npc, "Guard", (i * 4f) + (tick * 0.25f), 300f, 100 - (tick % 9), 100))
                .ToList()))
            .ToArray();

        for (int i = 0; i < 20; i++)
        {
            view.Apply(payloads[i]);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 20; i < 40; i++)
        {
            view.Apply(payloads[i]);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(200, view.LastChanges.Updated.Count);
    }

    [Fact]
    public void Apply_WhenThePayloadCarriesNoChange_ReportsAnEmptyChangeSet()
    {
        var view = new WorldView();
        view.Apply(SpawnFive);

        WorldViewChanges changes = view.Apply([0x00]);

        Assert.True(changes.IsEmpty);
        Assert.Equal(1, view.Count);
    }

    [Fact]
    public void Clear_ForgetsEveryEntity()
    {
        var view = new WorldView();
        view.Apply(SpawnFive);

        view.Clear();

        Assert.Equal(0, view.Count);
        Assert.False(view.TryGet(5, out _));
    }

    [Fact]
    public void Apply_OfAHandWrittenSpawnAndUpdate_FollowsTheDocumentedLayout()
    {
        var view = new WorldView();
        view.Apply(SpawnFive);

        // Update net id 5: moved and vitals; dx = +3 steps (zz 6), dy = -2 steps (zz 3); health -4 (zz 7) with max flag,
        // so the word is 7 << 1 | 1 = 15, then max health +20 (zz 40).
        WorldViewChanges changes = view.Apply([0x08, 0x01, (5 << 2) | 3, 0x06, 0x03, 0x0F, 0x28]);

        EntityUpdate update = Assert.Single(changes.Updated);
        Assert.Equal(new VisibleEntity(5, EntityKind.Player, "a", 3f / 16, -2f / 16, 6, 30), update.Current);
        Assert.True(update.Moved);
        Assert.True(update.VitalsChanged);
    }

    private static byte[] RespawnPayload(WorldView view)
    {
        var encoder = new DeltaEncoder();
        var output = new ArrayBufferWriter<byte>();
        encoder.Encode(SyncAssert.Held(view), output);
        return output.WrittenSpan.ToArray();
    }

    private static byte[] Varint(ulong value)
    {
        var bytes = new List<byte>();
        while (value >= 0x80)
        {
            bytes.Add((byte)(value | 0x80));
            value >>= 7;
        }

        bytes.Add((byte)value);
        return [.. bytes];
    }

    private static ulong WireZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));
}
