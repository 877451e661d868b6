using System;

namespace Sunderfall.Protocol.Sync
{
    /// <summary>Constants and primitive writers of the delta payload format shared by the encoder and the view.</summary>
    /// <remarks>
    /// Layout (varint = unsigned LEB128, shortest form, at most 10 bytes; zz = zigzag then varint; q = 1/16 unit):
    /// <code>
    /// header  : 1 byte  bit0 Reset (drop everything known first), bit1 despawns, bit2 spawns, bit3 updates follow;
    ///                   bits 4-7 zero
    /// despawns: varint count (>= 1), then count x varint netId
    /// spawns  : varint count (>= 1), then count x
    ///           varint netId, 1 byte kind, varint nameLength, nameLength bytes UTF-8, zz x(q), zz y(q), zz health,
    ///           zz maxHealth
    /// updates : varint count (>= 1), then count x
    ///           varint (netId &lt;&lt; 2 | mask), mask in 1..3
    ///           mask bit0 (moved):  zz dx(q), zz dy(q)  - deltas from the last sent quantized position, not both 0
    ///           mask bit1 (vitals): varint (zz(dHealth) &lt;&lt; 1 | maxChanged), then zz dMaxHealth if maxChanged;
    ///                               not both deltas 0
    /// </code>
    /// Sections come in that order, so a net id that changed identity is despawned then spawned in one payload.
    /// Nothing may follow the last section. An unchanged tick is the single byte 0x00.
    /// </remarks>
    internal static class WireFormat
    {
        // Header byte flags.
        public const byte Reset = 1;
        public const byte HasDespawns = 2;
        public const byte HasSpawns = 4;
        public const byte HasUpdates = 8;
        public const byte KnownHeaderBits = Reset | HasDespawns | HasSpawns | HasUpdates;

        // Low two bits of an update's leading varint: which groups of fields follow.
        public const int Moved = 1;
        public const int Vitals = 2;
        public const int UpdateMaskBits = 2;

        public const int MaxVarintBytes = 10;

        // Worst cases, used to ask the output for enough room for one record at a time.
        public const int MaxUpdateBytes = MaxVarintBytes * 5;
        public const int MaxSpawnFixedBytes = MaxVarintBytes * 6 + 1;

        public static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));

        public static long UnZigZag(ulong value) => (long)(value >> 1) ^ -(long)(value & 1);

        public static void WriteVarint(Span<byte> destination, ref int position, ulong value)
        {
            while (value >= 0x80)
            {
                destination[position++] = (byte)(value | 0x80);
                value >>= 7;
            }

            destination[position++] = (byte)value;
        }

        public static void WriteSigned(Span<byte> destination, ref int position, long value) =>
            WriteVarint(destination, ref position, ZigZag(value));
    }
}
