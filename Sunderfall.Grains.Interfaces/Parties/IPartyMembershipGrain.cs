namespace Sunderfall.Grains.Interfaces.Parties;

/// <summary>
/// Which party one player is in, keyed by the player's id: the single place that says so. Claims are decided in this
/// grain's turns and stored before they are reported, so of two parties claiming the same player at once only one
/// wins. It calls no other grain, so party grains may wait on it.
/// </summary>
public interface IPartyMembershipGrain : IGrainWithGuidKey
{
    /// <summary>The player's party, or null if they are in none.</summary>
    Task<Guid?> GetPartyAsync();

    /// <summary>Claims the player for <paramref name="partyId"/>; true if it now (or already) holds them. Called by party grains.</summary>
    Task<bool> TryClaimAsync(Guid partyId);

    /// <summary>Frees the player if <paramref name="partyId"/> holds them; a claim by another party is left alone. Called by party grains.</summary>
    Task ReleaseAsync(Guid partyId);
}
