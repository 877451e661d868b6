using Sunderfall.Grains.Interfaces.Accounts;

namespace Sunderfall.Frontend.SignIn;

/// <summary>A live connection a session re-check closes, and what its client is told.</summary>
/// <param name="ConnectionId">The hub connection.</param>
/// <param name="Reason">Kicked when the account is banned, Ended when its sign-in session ended.</param>
/// <param name="Message">The error message the client is sent before the connection is closed.</param>
public sealed record SessionClosure(string ConnectionId, SessionCloseReason Reason, string Message);
