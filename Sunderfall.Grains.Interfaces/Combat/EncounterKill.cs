namespace Sunderfall.Grains.Interfaces.Combat;

/// <summary>
/// A monster killed in an encounter: which kind, at which tick and log position, and the players who share its
/// rewards (participants and their party members within range, alive, at the moment of the kill).
/// </summary>
[GenerateSerializer, Immutable, Alias("sf.EncounterKill")]
public sealed record EncounterKill(
    [property: Id(0)] long Tick,
    [property: Id(1)] int LogIndex,
    [property: Id(2)] int MonsterNetId,
    [property: Id(3)] string MonsterId,
    [property: Id(4)] IReadOnlyList<Guid> Sharers);
