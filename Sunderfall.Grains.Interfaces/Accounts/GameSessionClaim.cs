namespace Sunderfall.Grains.Interfaces.Accounts;

/// <summary>A connection claiming to be its account's one game session.</summary>
/// <param name="FrontendId">The frontend holding the connection.</param>
/// <param name="ConnectionId">The hub connection.</param>
/// <param name="Frontend">Where to say that the session is closed.</param>
/// <param name="SignInSession">The sign-in session (refresh-token family) whose access token opened the connection.</param>
[GenerateSerializer, Immutable, Alias("sf.GameSessionClaim")]
public sealed record GameSessionClaim(
    [property: Id(0)] string FrontendId,
    [property: Id(1)] string ConnectionId,
    [property: Id(2)] ISessionObserver Frontend,
    [property: Id(3)] Guid SignInSession);
