using System;
using System.Text;

namespace Sunderfall.Protocol.Sync
{
    /// <summary>Reads the primitives of a delta payload; every defect becomes a <see cref="FormatException"/>.</summary>
    internal ref struct PayloadReader
    {
        private static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(false, true);

        private readonly ReadOnlySpan<byte> data;
        private int position;

        public PayloadReader(ReadOnlySpan<byte> data)
        {
            this.data = data;
            position = 0;
        }

        public bool AtEnd => position == data.Length;

        public int Remaining => data.Length - position;

        public byte ReadByte(string what)
        {
            if (position >= data.Length)
            {
                throw Truncated(what);
            }

            return data[position++];
        }

        public ulong ReadVarint(string what)
        {
            int start = position;
            ulong result = 0;
            for (int shift = 0; shift < 64; shift += 7)
            {
                if (position >= data.Length)
                {
                    throw Truncated(what);
                }

                byte b = data[position++];
                if (shift == 63 && b > 1)
                {
                    throw Malformed($"the varint for {what} at byte {start} overflows 64 bits");
                }

                result |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    // A trailing zero group means the same value had a shorter encoding.
                    if (b == 0 && shift > 0)
                    {
                        throw Malformed($"the varint for {what} at byte {start} is not in its shortest form");
                    }

                    return result;
                }
            }

            throw Malformed($"the varint for {what} at byte {start} is longer than {WireFormat.MaxVarintBytes} bytes");
        }

        public long ReadSigned(string what) => WireFormat.UnZigZag(ReadVarint(what));

        public int ReadSignedInt32(string what)
        {
            long value = ReadSigned(what);
            if (value < int.MinValue || value > int.MaxValue)
            {
                throw Malformed($"{what} {value} is outside the 32-bit range");
            }

            return (int)value;
        }

        public int ReadNetId(string what)
        {
            ulong value = ReadVarint(what);
            if (value > int.MaxValue)
            {
                throw Malformed($"{what} {value} exceeds the largest net id {int.MaxValue}");
            }

            return (int)value;
        }

        /// <summary>A record count; each record takes at least one byte, so it cannot exceed what is left.</summary>
        public int ReadCount(string what)
        {
            ulong value = ReadVarint(what);
            if (value == 0)
            {
                throw Malformed($"{what} is 0 although the header announces the section");
            }

            if (value > (ulong)Remaining)
            {
                throw Malformed($"{what} {value} is more than the {Remaining} bytes left could hold");
            }

            return (int)value;
        }

        public string ReadName(string what)
        {
            ulong length = ReadVarint(what + " length");
            if (length > (ulong)Remaining)
            {
                throw Truncated(what);
            }

            var bytes = data.Slice(position, (int)length);
            position += (int)length;
            try
            {
                return StrictUtf8.GetString(bytes);
            }
            catch (ArgumentException e)
            {
                throw new FormatException($"Malformed world delta payload: {what} is not valid UTF-8.", e);
            }
        }

        public FormatException Malformed(string message) =>
            new FormatException($"Malformed world delta payload: {message} (read up to byte {position} of {data.Length}).");

        private FormatException Truncated(string what) =>
            Malformed($"it ends while reading {what}");
    }
}
