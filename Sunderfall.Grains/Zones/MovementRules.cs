using System.Globalization;
using Sunderfall.Grains.Interfaces.Common;

namespace Sunderfall.Grains.Zones;

/// <summary>
/// Decides whether a move is allowed: finite coordinates, inside the zone, and no faster than the speed limit over
/// the time since the player's previous accepted move (capped, so standing still does not bank a teleport).
/// </summary>
public sealed class MovementRules(float width, float height, float maxSpeed, float slack)
{
    /// <summary>The longest idle time that counts towards the next move's allowed distance.</summary>
    public static readonly TimeSpan MaxCreditedIdle = TimeSpan.FromSeconds(1);

    /// <summary>Returns why the move from <paramref name="from"/> to <paramref name="to"/> is refused, or null.</summary>
    public GameError? Check(WorldPosition from, WorldPosition to, TimeSpan sincePreviousMove)
    {
        if (!to.IsFinite)
        {
            return new GameError(GameErrorCode.InvalidArgument, "x and y must be finite numbers (not NaN or infinity)");
        }

        if (!IsInside(to))
        {
            return new GameError(
                GameErrorCode.InvalidArgument,
                Format($"position ({to.X:0.##}, {to.Y:0.##}) is outside the zone: x must be within 0..{width:0.##} and y within 0..{height:0.##}"));
        }

        var seconds = Math.Clamp(sincePreviousMove.TotalSeconds, 0, MaxCreditedIdle.TotalSeconds);
        var allowed = (maxSpeed * seconds) + slack;
        var distance = from.DistanceTo(to);
        if (distance > allowed)
        {
            var speed = seconds > 0 ? distance / seconds : double.PositiveInfinity;
            return new GameError(
                GameErrorCode.MoveRejected,
                Format($"moved {distance:0.##} units in {seconds:0.###} s (speed {speed:0.#}); the limit is {maxSpeed:0.##} units/s plus {slack:0.##} units"));
        }

        return null;
    }

    /// <summary>True when <paramref name="position"/> lies within the zone's bounds.</summary>
    public bool IsInside(WorldPosition position) =>
        position.X >= 0 && position.X <= width && position.Y >= 0 && position.Y <= height;

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
