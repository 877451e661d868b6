namespace Sunderfall.Protocol.Auth
{
    /// <summary>
    /// Tokens after register, login or refresh. Send the access token as "Authorization: Bearer ..." (or as the
    /// access_token query parameter when connecting the hub's WebSocket); keep the refresh token secret.
    /// </summary>
    public sealed class AuthResponse
    {
        public string AccountId { get; set; } = "";

        public string Username { get; set; } = "";

        public string[] Roles { get; set; } = System.Array.Empty<string>();

        public string AccessToken { get; set; } = "";

        public System.DateTimeOffset AccessTokenExpiresAt { get; set; }

        public string RefreshToken { get; set; } = "";

        public System.DateTimeOffset RefreshTokenExpiresAt { get; set; }
    }
}
