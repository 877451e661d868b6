namespace Sunderfall.Grains.Interfaces.Combat;

/// <summary>
/// One resolved ability use in an encounter's input log: at <see cref="Tick"/>, <see cref="SourceNetId"/> (with
/// <see cref="Power"/>) used <see cref="AbilityId"/> on the listed targets (with their armor, as positions decided
/// who was hit). <see cref="Amounts"/> are what the rolls gave; a replay must give the same.
/// </summary>
[GenerateSerializer, Immutable, Alias("sf.EncounterHit")]
public sealed record EncounterHit(
    [property: Id(0)] long Tick,
    [property: Id(1)] int SourceNetId,
    [property: Id(2)] string AbilityId,
    [property: Id(3)] int Power,
    [property: Id(4)] IReadOnlyList<int> TargetNetIds,
    [property: Id(5)] IReadOnlyList<int> TargetArmor,
    [property: Id(6)] IReadOnlyList<int> Amounts,
    [property: Id(7)] IReadOnlyList<bool> Critical);
