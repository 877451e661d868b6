using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MimeKit;
using Sunderfall.Accounts.Recovery;

namespace Sunderfall.Accounts.Email;

/// <summary>
/// Checks <see cref="EmailOptions"/> when the host starts. Outside Development a process that would hand recovery
/// codes to the development sender (the log) does not start: whoever reads the log could take over any account.
/// </summary>
internal sealed class EmailOptionsValidator(IHostEnvironment environment, IServiceProvider services) : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        var errors = Errors(options, environment.IsDevelopment(), () => services.GetService<IRecoveryCodeSender>() is LogRecoveryCodeSender);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Every problem with the options, each naming the setting and its variable.</summary>
    public static List<string> Errors(EmailOptions options, bool development, Func<bool> usesLogSender)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Host))
        {
            if (!development && usesLogSender())
            {
                errors.Add(
                    $"{Key(nameof(EmailOptions.Host))} is not set ({Variable(nameof(EmailOptions.Host))}): outside Development " +
                    "account-recovery codes must be e-mailed, and without an SMTP server they would go to the development " +
                    "sender, which only writes them to the log. Set Email:Host, Email:From and the SMTP login " +
                    "(docs/operations.md, Security checklist), or run with DOTNET_ENVIRONMENT=Development on a private machine");
            }

            return errors;
        }

        if (options.Port is < 1 or > 65535)
        {
            errors.Add($"{Key(nameof(EmailOptions.Port))} must be 1 to 65535 (it is {options.Port})");
        }

        if (!MailboxAddress.TryParse(options.From, out var from) || !from.Address.Contains('@', StringComparison.Ordinal))
        {
            errors.Add($"{Key(nameof(EmailOptions.From))} must be the sender's e-mail address, e.g. no-reply@example.com (set {Variable(nameof(EmailOptions.From))})");
        }

        if (string.IsNullOrEmpty(options.Username) != string.IsNullOrEmpty(options.Password))
        {
            errors.Add($"{Key(nameof(EmailOptions.Username))} and {Key(nameof(EmailOptions.Password))} go together: set both to log in to the SMTP server, or neither");
        }

        if (options.Security == EmailSecurity.None && !development)
        {
            errors.Add(
                $"{Key(nameof(EmailOptions.Security))} is None: recovery codes and the SMTP password would cross the network in clear; " +
                "use StartTls (port 587) or Tls (port 465) outside Development");
        }

        if (options.TrustedCertificatePath.Length > 0 && !File.Exists(options.TrustedCertificatePath))
        {
            errors.Add($"{Key(nameof(EmailOptions.TrustedCertificatePath))} names no file ({options.TrustedCertificatePath})");
        }

        if (options.Timeout < TimeSpan.FromSeconds(1) || options.Timeout > TimeSpan.FromMinutes(5))
        {
            errors.Add($"{Key(nameof(EmailOptions.Timeout))} must be 00:00:01 to 00:05:00 (it is {options.Timeout})");
        }

        return errors;
    }

    private static string Key(string property) => EmailOptions.SectionName + ":" + property;

    private static string Variable(string property) => "SUNDERFALL_" + EmailOptions.SectionName + "__" + property;
}
