namespace Sunderfall.Protocol.Auth
{
    /// <summary>POST /api/auth/login.</summary>
    public sealed class LoginRequest
    {
        /// <summary>The account's username.</summary>
        public string? Username { get; set; }

        /// <summary>The account's password.</summary>
        public string? Password { get; set; }

        /// <summary>
        /// For an account with two-step sign-in: the 6-digit code from the authenticator app, or an unused recovery
        /// code. Leave it out at first: a login that needs it is answered 401 with the code "MfaRequired".
        /// </summary>
        public string? MfaCode { get; set; }
    }
}
