namespace Sunderfall.NaiveRelay;

/// <summary>What the relay knows of a connection: the id it hands out and the zone group it joined.</summary>
internal sealed record RelayPlayer(int Id, string Zone);
