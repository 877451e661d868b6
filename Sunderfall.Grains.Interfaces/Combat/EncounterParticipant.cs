namespace Sunderfall.Grains.Interfaces.Combat;

/// <summary>A player who took part in an encounter, with the net id it had in the zone.</summary>
[GenerateSerializer, Immutable, Alias("sf.EncounterParticipant")]
public sealed record EncounterParticipant(
    [property: Id(0)] Guid PlayerId,
    [property: Id(1)] int NetId,
    [property: Id(2)] string Name);
