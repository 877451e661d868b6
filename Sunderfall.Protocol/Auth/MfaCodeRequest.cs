namespace Sunderfall.Protocol.Auth
{
    /// <summary>POST /api/auth/mfa/confirm and POST /api/auth/mfa/disable.</summary>
    public sealed class MfaCodeRequest
    {
        /// <summary>
        /// The 6-digit code the authenticator app shows now (confirm needs this); disable also takes an unused
        /// recovery code.
        /// </summary>
        public string? Code { get; set; }
    }
}
