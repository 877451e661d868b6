namespace Sunderfall.Accounts.Email;

/// <summary>
/// The SMTP server that e-mails account-recovery codes. Section "Email". With <see cref="Host"/> empty no e-mail is
/// sent and codes go to the development sender, which only a process in the Development environment may use.
/// </summary>
public sealed class EmailOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Email";

    /// <summary>The SMTP server's host name (as its certificate names it). Empty: no e-mail (Development only).</summary>
    public string Host { get; set; } = "";

    /// <summary>The SMTP port: 587 (submission, STARTTLS) unless the server says otherwise; 465 with <see cref="EmailSecurity.Tls"/>.</summary>
    public int Port { get; set; } = 587;

    /// <summary>How the connection is encrypted: STARTTLS (required, the default), TLS from the first byte, or none (Development only).</summary>
    public EmailSecurity Security { get; set; } = EmailSecurity.StartTls;

    /// <summary>The SMTP login; empty sends without authenticating. Set with <see cref="Password"/>.</summary>
    public string Username { get; set; } = "";

    /// <summary>The SMTP password; a secret, so it has no default and is never logged.</summary>
    public string Password { get; set; } = "";

    /// <summary>The sender address of recovery mail, e.g. no-reply@example.com. Required with <see cref="Host"/>.</summary>
    public string From { get; set; } = "";

    /// <summary>The display name of the sender.</summary>
    public string FromName { get; set; } = "Sunderfall";

    /// <summary>
    /// A PEM or DER certificate file to trust for the SMTP server besides the system's roots: a private CA or a
    /// self-signed server certificate. Empty: only the system's roots are trusted.
    /// </summary>
    public string TrustedCertificatePath { get; set; } = "";

    /// <summary>How long connecting and sending one message may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
