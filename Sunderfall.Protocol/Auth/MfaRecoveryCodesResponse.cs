namespace Sunderfall.Protocol.Auth
{
    /// <summary>
    /// POST /api/auth/mfa/confirm: two-step sign-in is on. Each recovery code can stand in for one authenticator code;
    /// they are shown only this once.
    /// </summary>
    public sealed class MfaRecoveryCodesResponse
    {
        /// <summary>Ten one-time codes like "abcde-23456".</summary>
        public string[] RecoveryCodes { get; set; } = System.Array.Empty<string>();
    }
}
