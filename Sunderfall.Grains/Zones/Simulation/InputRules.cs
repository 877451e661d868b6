using System.Globalization;
using Sunderfall.Grains.Interfaces.Common;
using Sunderfall.Grains.Interfaces.Zones;

namespace Sunderfall.Grains.Zones.Simulation;

/// <summary>What a movement input may hold: a finite direction no longer than 1 and a non-negative sequence.</summary>
public static class InputRules
{
    /// <summary>Allowance for rounding in clients that normalise their direction.</summary>
    public const float MaxDirectionLength = 1.001f;

    /// <summary>Why the input is refused, or null.</summary>
    public static GameError? Check(MoveInput input)
    {
        if (!float.IsFinite(input.DirX) || !float.IsFinite(input.DirY))
        {
            return new GameError(GameErrorCode.InvalidArgument, "dirX and dirY must be finite numbers (not NaN or infinity)");
        }

        if (input.Sequence < 0)
        {
            return new GameError(GameErrorCode.InvalidArgument, $"sequence {input.Sequence} is negative; it must count up from 0");
        }

        var length = MathF.Sqrt((input.DirX * input.DirX) + (input.DirY * input.DirY));
        return length > MaxDirectionLength
            ? new GameError(
                GameErrorCode.InvalidArgument,
                string.Create(CultureInfo.InvariantCulture, $"direction ({input.DirX:0.###}, {input.DirY:0.###}) has length {length:0.###}; it must be at most 1, and (0, 0) stops"))
            : null;
    }
}
