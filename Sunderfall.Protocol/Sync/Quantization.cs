using System;

namespace Sunderfall.Protocol.Sync
{
    /// <summary>
    /// Converts positions between world units and the integer steps of 1/<see cref="Scale"/> unit that go on the wire.
    /// Both the server and every client quantize the same way, so they agree exactly on what was sent.
    /// </summary>
    public static class Quantization
    {
        /// <summary>Steps per world unit: positions travel with a precision of 1/16 unit.</summary>
        public const int Scale = 16;

        /// <summary>The largest magnitude in world units that <see cref="Quantize"/> accepts.</summary>
        public const float MaxUnits = 1_000_000f;

        /// <summary>
        /// The nearest step to <paramref name="units"/> (halves round away from zero).
        /// Throws <see cref="ArgumentOutOfRangeException"/> for NaN, infinities and magnitudes above <see cref="MaxUnits"/>.
        /// </summary>
        public static int Quantize(float units)
        {
            // The negated comparison also rejects NaN.
            if (!(units >= -MaxUnits && units <= MaxUnits))
            {
                throw new ArgumentOutOfRangeException(
                    nameof(units), units, $"a position must be finite and within -{MaxUnits}..{MaxUnits} units");
            }

            // Multiplying by a power of two is exact in double, so only the rounding decides.
            return (int)Math.Round(units * (double)Scale, MidpointRounding.AwayFromZero);
        }

        /// <summary>The position in world units of a step count; exact for every value <see cref="Quantize"/> returns.</summary>
        public static float ToUnits(int quantized) => quantized / (float)Scale;
    }
}
