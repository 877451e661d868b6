namespace Sunderfall.Protocol.Auth
{
    /// <summary>
    /// POST /api/auth/mfa/enrol: a new authenticator secret, waiting to be confirmed with a code from it. Show the URI
    /// as a QR code (or the secret for typing in); never store or log either.
    /// </summary>
    public sealed class MfaEnrolmentResponse
    {
        /// <summary>The secret in base32.</summary>
        public string Secret { get; set; } = "";

        /// <summary>otpauth://totp/Sunderfall:username?secret=...&amp;issuer=Sunderfall...</summary>
        public string OtpauthUri { get; set; } = "";
    }
}
