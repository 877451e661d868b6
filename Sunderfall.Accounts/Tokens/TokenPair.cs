namespace Sunderfall.Accounts.Tokens;

/// <summary>What a login or refresh hands the client. The refresh token is shown once: only its hash is stored.</summary>
/// <param name="AccessToken">Signed JWT for the hub and HTTP endpoints (Authorization: Bearer, or access_token on hubs).</param>
/// <param name="AccessTokenExpiresAt">When the access token stops being accepted.</param>
/// <param name="RefreshToken">Single-use secret that buys the next pair; 43 base64url characters.</param>
/// <param name="RefreshTokenExpiresAt">When the refresh token stops being accepted.</param>
public sealed record TokenPair(
    string AccessToken,
    DateTimeOffset AccessTokenExpiresAt,
    string RefreshToken,
    DateTimeOffset RefreshTokenExpiresAt)
{
    // Records print their members; a token pair must never reach a log that way.
    /// <inheritdoc/>
    public override string ToString() => $"TokenPair {{ AccessTokenExpiresAt = {AccessTokenExpiresAt:O}, RefreshTokenExpiresAt = {RefreshTokenExpiresAt:O} }}";
}
