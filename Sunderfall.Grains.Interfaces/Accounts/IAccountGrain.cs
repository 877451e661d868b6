using Orleans.Concurrency;
using Sunderfall.Grains.Interfaces.Common;
using Sunderfall.Grains.Interfaces.Players;

namespace Sunderfall.Grains.Interfaces.Accounts;

/// <summary>An account's characters, keyed by account id (accounts themselves live in PostgreSQL's accounts table).</summary>
public interface IAccountGrain : IGrainWithGuidKey
{
    /// <summary>Creates a character owned by this account, up to the per-account limit.</summary>
    Task<GameResult<CharacterSnapshot>> CreateCharacterAsync(string name, CharacterClass characterClass);

    /// <summary>
    /// True when the character is one of this account's: checked before a character is entered, so an id the account
    /// does not own never activates a character grain.
    /// </summary>
    // Always interleaves: a pure read of the account's own list.
    [AlwaysInterleave]
    Task<bool> OwnsCharacterAsync(Guid characterId);

    /// <summary>The account's characters, oldest first.</summary>
    Task<IReadOnlyList<CharacterSnapshot>> GetCharactersAsync();

    /// <summary>
    /// Makes this connection the account's one game session; the previous session's frontend is told to close it.
    /// </summary>
    Task ClaimSessionAsync(GameSessionClaim claim);

    /// <summary>Closes the account's live game session, if any (a moderator's kick); true if there was one.</summary>
    Task<bool> KickAsync(string message);

    /// <summary>
    /// Closes the account's live game session if it was opened with <paramref name="signInSession"/> (null: whichever
    /// it was), because that sign-in ended; true if one was closed. An access token outlives its sign-in by up to its
    /// lifetime, so the connection it opened must be closed when the sign-in ends.
    /// </summary>
    Task<bool> EndSessionAsync(Guid? signInSession, string message);

    /// <summary>Ends the session if it is still this connection (a newer one is left alone).</summary>
    Task ReleaseSessionAsync(string connectionId);
}
