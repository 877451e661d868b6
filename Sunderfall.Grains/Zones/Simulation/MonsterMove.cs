namespace Sunderfall.Grains.Zones.Simulation;

/// <summary>
/// What a monster wants to do with its position this tick: a step (<see cref="Dx"/>, <see cref="Dy"/>, already
/// scaled by speed and the tick's length) to apply through <see cref="CollisionMap.Move"/>, or, when
/// <see cref="SnapToHome"/> is set, to be placed at <see cref="MonsterBrain.Home"/> directly because walls kept it
/// from walking back.
/// </summary>
public readonly record struct MonsterMove(float Dx, float Dy, bool SnapToHome = false)
{
    /// <summary>Stay where it is.</summary>
    public static MonsterMove None => default;
}
