namespace Sunderfall.Protocol.Auth
{
    /// <summary>POST /api/auth/refresh: trade a refresh token for new tokens (the old one stops working).</summary>
    public sealed class RefreshRequest
    {
        /// <summary>The refresh token from the last login or refresh.</summary>
        public string? RefreshToken { get; set; }
    }
}
