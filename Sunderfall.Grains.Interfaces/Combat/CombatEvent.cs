namespace Sunderfall.Grains.Interfaces.Combat;

/// <summary>
/// One thing that happened in combat during a zone tick, between entities named by their net ids (0: none).
/// Frontends pass each one to the clients that can see its source or target.
/// </summary>
[GenerateSerializer, Immutable, Alias("sf.CombatEvent")]
public readonly record struct CombatEvent(
    [property: Id(0)] CombatEventKind Kind,
    [property: Id(1)] int SourceNetId,
    [property: Id(2)] int TargetNetId,
    [property: Id(3)] string AbilityId,
    [property: Id(4)] int Amount,
    [property: Id(5)] bool Critical);
