namespace Sunderfall.Accounts.Accounts;

/// <summary>A refresh_tokens row (without its hash) and the account it belongs to.</summary>
internal sealed record RefreshTokenRecord(
    Guid Id,
    Guid FamilyId,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? UsedAt,
    DateTimeOffset? RevokedAt,
    AccountRecord Account);
