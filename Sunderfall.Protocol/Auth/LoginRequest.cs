namespace Sunderfall.Protocol.Auth
{
    /// <summary>POST /api/auth/login.</summary>
    public sealed class LoginRequest
    {
        /// <summary>The account's username.</summary>
        public string? Username { get; set; }

        /// <summary>The account's password.</summary>
        public string? Password { get; set; }
    }
}
