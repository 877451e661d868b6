namespace Sunderfall.Protocol.Tests.Sync;

/// <summary>What happens to one entity of a generated zone during one tick.</summary>
internal enum StepKind
{
    Stay,
    Move,
    Jump,
    Hurt,
    SetMaxHealth,
    Toggle,
    Reincarnate,
}
