namespace Sunderfall.Grains.Interfaces.Combat;

/// <summary>The outcome of replaying a committed encounter: whether every amount and reward matched, and the first difference.</summary>
[GenerateSerializer, Immutable, Alias("sf.EncounterReplayResult")]
public sealed record EncounterReplayResult(
    [property: Id(0)] bool Found,
    [property: Id(1)] bool Identical,
    [property: Id(2)] string? FirstDifference);
