namespace Sunderfall.Accounts.Mfa;

/// <summary>Two-step sign-in. Section "Mfa".</summary>
public sealed class MfaOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Mfa";

    /// <summary>
    /// The AES-256 key (32 bytes, base64) that encrypts authenticator secrets in the database, kept outside it: a
    /// copy of the database alone does not give anyone's second factor. The same on every frontend; required, no
    /// default. Losing it makes every enrolled authenticator unusable (the owners recover with their MFA recovery codes).
    /// </summary>
    public string SecretEncryptionKey { get; set; } = "";
}
