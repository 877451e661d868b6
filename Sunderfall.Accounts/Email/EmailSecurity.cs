namespace Sunderfall.Accounts.Email;

/// <summary>How the SMTP connection is encrypted (<see cref="EmailOptions.Security"/>).</summary>
public enum EmailSecurity
{
    /// <summary>Plain connection upgraded with STARTTLS; a server that does not offer it is refused.</summary>
    StartTls,

    /// <summary>TLS from the first byte (SMTPS, usually port 465).</summary>
    Tls,

    /// <summary>No encryption: codes and the password cross the network in clear. Development only.</summary>
    None,
}
