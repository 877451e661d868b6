namespace Sunderfall.Accounts.Accounts;

/// <summary>
/// An accounts row with what only the service may see: the password hash, login counters, ban reason, and the TOTP
/// secrets (the active one and one waiting to be confirmed) with the last time step accepted.
/// </summary>
internal sealed record AccountRecord(
    AccountInfo Info,
    string PasswordHash,
    int FailedLogins,
    DateTimeOffset? LockedUntil,
    string? BanReason)
{
    public bool MfaEnabled => Info.MfaEnabled;

    public byte[]? MfaSecret { get; init; }

    public byte[]? MfaPendingSecret { get; init; }

    public long? MfaLastStep { get; init; }

    public bool IsBannedAt(DateTimeOffset now) => Info.BannedUntil is { } until && until > now;

    public bool IsLockedAt(DateTimeOffset now) => LockedUntil is { } until && until > now;
}
