using System;
using System.Buffers;

namespace Sunderfall.Protocol.Sync
{
    /// <summary>A growable, reusable <see cref="IBufferWriter{T}"/> (netstandard2.1 has no ArrayBufferWriter).</summary>
    internal sealed class PayloadBuffer : IBufferWriter<byte>
    {
        private byte[] buffer = new byte[256];

        public int Length { get; private set; }

        public ReadOnlySpan<byte> WrittenSpan => buffer.AsSpan(0, Length);

        public void Clear() => Length = 0;

        public void Advance(int count)
        {
            if (count < 0 || Length + count > buffer.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(count), count, "cannot advance past the requested span");
            }

            Length += count;
        }

        public Memory<byte> GetMemory(int sizeHint = 0)
        {
            Ensure(sizeHint);
            return buffer.AsMemory(Length);
        }

        public Span<byte> GetSpan(int sizeHint = 0)
        {
            Ensure(sizeHint);
            return buffer.AsSpan(Length);
        }

        private void Ensure(int sizeHint)
        {
            int needed = Length + Math.Max(sizeHint, 1);
            if (needed > buffer.Length)
            {
                Array.Resize(ref buffer, Math.Max(needed, buffer.Length * 2));
            }
        }
    }
}
