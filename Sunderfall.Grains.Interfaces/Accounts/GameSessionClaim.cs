namespace Sunderfall.Grains.Interfaces.Accounts;

/// <summary>A connection claiming to be its account's one game session.</summary>
[GenerateSerializer, Immutable, Alias("sf.GameSessionClaim")]
public sealed record GameSessionClaim(
    [property: Id(0)] string FrontendId,
    [property: Id(1)] string ConnectionId,
    [property: Id(2)] ISessionObserver Frontend);
