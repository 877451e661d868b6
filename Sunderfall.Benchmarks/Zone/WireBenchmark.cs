using System.Buffers;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Sunderfall.Protocol.Sync;

namespace Sunderfall.Benchmarks.Zone;

/// <summary>
/// What one client is sent per second while N entities around it walk at player speed (5 units/s, direction
/// changing about once a second), measured as real SignalR MessagePack frames of the WorldDelta message. The
/// baseline, in the same run, is the same client sent a full snapshot of everything it sees every tick (ids,
/// names, positions, health as a MessagePack array of maps) in the same framing: what a naive relay would send.
/// </summary>
internal static class WireBenchmark
{
    public static WireFigures Run(int visibleCount, int ticks, int seed)
    {
        var random = new Random(seed);
        var protocol = new MessagePackHubProtocol(Options.Create(new MessagePackHubProtocolOptions()));
        var encoder = new DeltaEncoder();
        var entities = Enumerable.Range(1, visibleCount)
            .Select(i => (Id: i, X: 500f + (float)(random.NextDouble() * 60 - 30), Y: 500f + (float)(random.NextDouble() * 60 - 30), Angle: random.NextDouble() * Math.PI * 2))
            .ToArray();
        var names = entities.Select(e => $"Wanderer{e.Id:000}").ToArray();
        var guids = entities.Select(_ => Guid.NewGuid().ToString()).ToArray();
        var visible = new List<VisibleEntity>(visibleCount);
        var buffer = new ArrayBufferWriter<byte>();
        long payloadBytes = 0, framedBytes = 0, naiveBytes = 0, updates = 0;
        for (var tick = -1; tick < ticks; tick++)
        {
            visible.Clear();
            for (var i = 0; i < entities.Length; i++)
            {
                ref var e = ref entities[i];
                if (random.Next(20) == 0)
                {
                    e.Angle = random.NextDouble() * Math.PI * 2;
                }

                e.X = Math.Clamp(e.X + (float)(Math.Cos(e.Angle) * 0.25), 470f, 530f);
                e.Y = Math.Clamp(e.Y + (float)(Math.Sin(e.Angle) * 0.25), 470f, 530f);
                visible.Add(new VisibleEntity(e.Id, EntityKind.Player, names[i], e.X, e.Y, 100, 100));
            }

            var payload = encoder.Encode(visible);
            var delta = new WorldDelta { ZoneId = "ashen-vale/1", Tick = tick, AckInput = tick, SelfNetId = 1, Payload = payload };
            var framed = Frame(protocol, buffer, delta);
            var naive = Frame(protocol, buffer, visible.Select((v, i) => new NaiveSnapshotEntity { Id = guids[i], Name = names[i], X = v.X, Y = v.Y, Health = v.Health }).ToArray());
            if (tick < 0)
            {
                continue; // the first tick spawns everything; steady state is what a client lives with
            }

            payloadBytes += payload.Length;
            framedBytes += framed;
            naiveBytes += naive;
            updates += visibleCount;
        }

        const double ticksPerSecond = 20;
        return new WireFigures(
            visibleCount,
            (double)payloadBytes / updates,
            framedBytes * ticksPerSecond / ticks,
            naiveBytes * ticksPerSecond / ticks);
    }

    private static long Frame(MessagePackHubProtocol protocol, ArrayBufferWriter<byte> buffer, object argument)
    {
        buffer.Clear();
        protocol.WriteMessage(new InvocationMessage("WorldDelta", [argument]), buffer);
        return buffer.WrittenCount;
    }
}
