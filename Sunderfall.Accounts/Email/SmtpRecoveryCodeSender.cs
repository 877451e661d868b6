using System.Globalization;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Sunderfall.Accounts.Accounts;
using Sunderfall.Accounts.Recovery;

namespace Sunderfall.Accounts.Email;

/// <summary>
/// E-mails account-recovery codes over SMTP (MailKit): STARTTLS or TLS with a certificate checked against the
/// system's roots or <see cref="EmailOptions.TrustedCertificatePath"/>, and the SMTP login from
/// <see cref="EmailOptions"/>. One connection per message: recovery mail is rare.
/// </summary>
public sealed class SmtpRecoveryCodeSender : IRecoveryCodeSender, IDisposable
{
    private readonly EmailOptions options;
    private readonly X509Certificate2? trusted;

    /// <summary>Creates the sender; a trusted certificate file that cannot be read fails here, at start.</summary>
    public SmtpRecoveryCodeSender(IOptions<EmailOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options.Value;
        trusted = this.options.TrustedCertificatePath.Length > 0
            ? X509CertificateLoader.LoadCertificateFromFile(this.options.TrustedCertificatePath)
            : null;
    }

    /// <inheritdoc/>
    public async Task SendAsync(AccountInfo account, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        using var message = new MimeMessage();
        message.From.Add(new MailboxAddress(options.FromName, options.From));
        message.To.Add(new MailboxAddress(account.Username, account.Email));
        message.Subject = "Your Sunderfall account recovery code";
        message.Body = new TextPart("plain")
        {
            Text = string.Create(CultureInfo.InvariantCulture, $"""
                Hello {account.Username},

                your account recovery code is {code}

                Enter it with a new password to recover the account. It works once and expires soon.
                If you did not ask for it, ignore this message: your password stays as it is.
                """),
        };

        using var client = new SmtpClient
        {
            Timeout = (int)options.Timeout.TotalMilliseconds,
            ServerCertificateValidationCallback = IsTrusted,
        };
        var security = options.Security switch
        {
            EmailSecurity.Tls => SecureSocketOptions.SslOnConnect,
            EmailSecurity.None => SecureSocketOptions.None,
            _ => SecureSocketOptions.StartTls,
        };
        await client.ConnectAsync(options.Host, options.Port, security, cancellationToken).ConfigureAwait(false);
        if (options.Username.Length > 0)
        {
            await client.AuthenticateAsync(options.Username, options.Password, cancellationToken).ConfigureAwait(false);
        }

        await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
        await client.DisconnectAsync(quit: true, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public void Dispose() => trusted?.Dispose();

    // The system's verdict, or else a chain to the configured certificate; a name that does not match never passes.
    private bool IsTrusted(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (trusted is null || certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            return false;
        }

        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.Add(trusted);
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (chain is not null)
        {
            foreach (var element in chain.ChainElements)
            {
                custom.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        using var leaf = new X509Certificate2(certificate);
        return custom.Build(leaf);
    }
}
