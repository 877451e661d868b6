using Microsoft.Extensions.Options;

namespace Sunderfall.Accounts.Mfa;

/// <summary>Checks <see cref="MfaOptions"/> when the host starts, naming the setting and its variable.</summary>
internal sealed class MfaOptionsValidator : IValidateOptions<MfaOptions>
{
    public const string Setting = MfaOptions.SectionName + ":" + nameof(MfaOptions.SecretEncryptionKey);

    public const string Variable = "SUNDERFALL_" + MfaOptions.SectionName + "__" + nameof(MfaOptions.SecretEncryptionKey);

    public ValidateOptionsResult Validate(string? name, MfaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return TotpSecretProtector.TryParseKey(options.SecretEncryptionKey) is null
            ? ValidateOptionsResult.Fail(
                $"{Setting} must be {TotpSecretProtector.KeyBytes} random bytes in base64 (set {Variable}, e.g. from head -c 32 /dev/urandom | base64 -w0); " +
                "it encrypts authenticator secrets in the database and is kept outside it")
            : ValidateOptionsResult.Success;
    }
}
