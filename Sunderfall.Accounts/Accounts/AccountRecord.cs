namespace Sunderfall.Accounts.Accounts;

/// <summary>An accounts row with what only the service may see: the password hash, login counters, ban reason.</summary>
internal sealed record AccountRecord(
    AccountInfo Info,
    string PasswordHash,
    int FailedLogins,
    DateTimeOffset? LockedUntil,
    string? BanReason)
{
    public bool IsBannedAt(DateTimeOffset now) => Info.BannedUntil is { } until && until > now;

    public bool IsLockedAt(DateTimeOffset now) => LockedUntil is { } until && until > now;
}
