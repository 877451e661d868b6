namespace Sunderfall.Protocol.Auth
{
    /// <summary>
    /// POST /api/auth/recovery/request: send a one-time recovery code to the account's address. Answered 202 whether
    /// or not the account exists.
    /// </summary>
    public sealed class RecoveryRequest
    {
        /// <summary>The account's username or its email address.</summary>
        public string? UsernameOrEmail { get; set; }
    }
}
