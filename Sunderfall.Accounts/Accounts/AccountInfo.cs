namespace Sunderfall.Accounts.Accounts;

/// <summary>An account as the rest of the server sees it: no password hash, no login counters.</summary>
/// <param name="Id">The account id; the "sub" of its access tokens.</param>
/// <param name="Username">The name as registered (case kept).</param>
/// <param name="Email">The address as registered.</param>
/// <param name="Roles">Known role names, see <see cref="Accounts.Roles"/>.</param>
/// <param name="CreatedAt">When it registered.</param>
/// <param name="BannedUntil">The end of its ban, if one was ever set (it may be in the past).</param>
public sealed record AccountInfo(
    Guid Id,
    string Username,
    string Email,
    IReadOnlyList<string> Roles,
    DateTimeOffset CreatedAt,
    DateTimeOffset? BannedUntil)
{
    /// <summary>True when logging in needs a second factor (an authenticator or MFA recovery code).</summary>
    public bool MfaEnabled { get; init; }

    /// <summary>True when the account holds the role.</summary>
    public bool IsInRole(string role) => Roles.Contains(role, StringComparer.Ordinal);
}
