namespace Sunderfall.Protocol.Auth
{
    /// <summary>
    /// POST /api/auth/recovery/complete: set a new password with the code that was sent. Every session of the account
    /// ends; log in again with the new password.
    /// </summary>
    public sealed class RecoveryCompleteRequest
    {
        /// <summary>The account's username.</summary>
        public string? Username { get; set; }

        /// <summary>The 8-digit code that was sent (valid 15 minutes, once).</summary>
        public string? Code { get; set; }

        /// <summary>10-128 characters with a letter and a digit or symbol, not containing the username.</summary>
        public string? NewPassword { get; set; }
    }
}
