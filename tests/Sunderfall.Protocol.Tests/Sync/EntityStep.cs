using Sunderfall.Protocol.Sync;

namespace Sunderfall.Protocol.Tests.Sync;

/// <summary>
/// One entity's change in one tick: Move adds (A, B), Jump sets the position to (A, B), Hurt adds Amount to health,
/// SetMaxHealth sets it to Amount, Toggle flips visibility, Reincarnate gives the net id a new kind and name.
/// </summary>
internal readonly record struct EntityStep(StepKind Kind, float A, float B, int Amount, EntityKind NewKind, string NewName)
{
    public static EntityStep Stay { get; } = new(StepKind.Stay, 0f, 0f, 0, EntityKind.Player, "");

    public static EntityStep Toggle { get; } = new(StepKind.Toggle, 0f, 0f, 0, EntityKind.Player, "");
}
