namespace Sunderfall.Grains.Interfaces.Parties;

/// <summary>One member of a party.</summary>
[GenerateSerializer, Immutable, Alias("sf.PartyMember")]
public sealed record PartyMember(
    [property: Id(0)] Guid PlayerId,
    [property: Id(1)] string Name);
