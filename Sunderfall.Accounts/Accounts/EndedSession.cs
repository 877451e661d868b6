namespace Sunderfall.Accounts.Accounts;

/// <summary>
/// A session that is no longer live: logged out, revoked (a ban, a reused refresh token, an account recovery),
/// expired, or of an account that is banned now.
/// </summary>
/// <param name="Session">The session asked about.</param>
/// <param name="BannedUntil">The end of the account's ban when it is banned now; null when the session ended otherwise.</param>
/// <param name="BanReason">The reason the moderator gave, when banned.</param>
public sealed record EndedSession(SessionKey Session, DateTimeOffset? BannedUntil, string? BanReason)
{
    /// <summary>True when the session ended because its account is banned.</summary>
    public bool Banned => BannedUntil is not null;
}
