namespace Sunderfall.Protocol.Auth
{
    /// <summary>POST /api/auth/register.</summary>
    public sealed class RegisterRequest
    {
        /// <summary>3-20 characters of A-Z, a-z, 0-9, '_' or '-', starting with a letter; unique ignoring case.</summary>
        public string? Username { get; set; }

        /// <summary>An e-mail address (used for account recovery); unique ignoring case.</summary>
        public string? Email { get; set; }

        /// <summary>10-128 characters with a letter and a digit or symbol, not containing the username.</summary>
        public string? Password { get; set; }
    }
}
