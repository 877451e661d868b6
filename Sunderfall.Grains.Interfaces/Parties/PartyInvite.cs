namespace Sunderfall.Grains.Interfaces.Parties;

/// <summary>An invitation to join a party, valid until <see cref="ExpiresAt"/>.</summary>
[GenerateSerializer, Immutable, Alias("sf.PartyInvite")]
public sealed record PartyInvite(
    [property: Id(0)] Guid PartyId,
    [property: Id(1)] Guid FromPlayerId,
    [property: Id(2)] string FromName,
    [property: Id(3)] DateTimeOffset ExpiresAt);
