namespace Sunderfall.Frontend.Game;

/// <summary>A connection's character in the world: who it plays and which zone it is in.</summary>
public sealed record PlayerSession(string ConnectionId, Guid PlayerId, string ZoneId);
