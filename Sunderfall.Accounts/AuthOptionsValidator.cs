using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Sunderfall.Accounts;

/// <summary>
/// Checks <see cref="AuthOptions"/> when the host starts; each message names the setting and its variable. Outside
/// Development the signing key must also pass <see cref="SigningKeyPolicy"/>.
/// </summary>
internal sealed class AuthOptionsValidator(IHostEnvironment environment) : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var errors = Errors(options);
        if (!environment.IsDevelopment() && errors.Count == 0 && SigningKeyPolicy.Problem(options.SigningKey) is { } weak)
        {
            errors.Add(
                $"{Key(nameof(AuthOptions.SigningKey))} {weak}: outside Development set {Variable(nameof(AuthOptions.SigningKey))} " +
                "to a long random secret (e.g. head -c 48 /dev/urandom | base64 -w0), the same on every frontend and silo");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Every problem with the options, each saying what is allowed.</summary>
    public static List<string> Errors(AuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        var keyBytes = Encoding.UTF8.GetByteCount(options.SigningKey ?? "");
        if (keyBytes < AuthOptions.MinSigningKeyBytes)
        {
            errors.Add(
                $"{Key(nameof(AuthOptions.SigningKey))} must be at least {AuthOptions.MinSigningKeyBytes} bytes of UTF-8 " +
                $"(it is {keyBytes}): set {Variable(nameof(AuthOptions.SigningKey))} to a long random secret, " +
                "the same on every frontend and silo");
        }

        if (string.IsNullOrWhiteSpace(options.Issuer))
        {
            errors.Add($"{Key(nameof(AuthOptions.Issuer))} must not be empty (default \"sunderfall\")");
        }

        if (string.IsNullOrWhiteSpace(options.Audience))
        {
            errors.Add($"{Key(nameof(AuthOptions.Audience))} must not be empty (default \"sunderfall-game\")");
        }

        if (options.AccessTokenLifetime < TimeSpan.FromMinutes(1) || options.AccessTokenLifetime > TimeSpan.FromHours(24))
        {
            errors.Add($"{Key(nameof(AuthOptions.AccessTokenLifetime))} must be 00:01:00 to 1.00:00:00 (it is {options.AccessTokenLifetime})");
        }

        if (options.RefreshTokenLifetime < options.AccessTokenLifetime || options.RefreshTokenLifetime > TimeSpan.FromDays(365))
        {
            errors.Add($"{Key(nameof(AuthOptions.RefreshTokenLifetime))} must be at least the access token lifetime and at most 365.00:00:00 (it is {options.RefreshTokenLifetime})");
        }

        if (options.MaxFailedLogins is < 1 or > 100)
        {
            errors.Add($"{Key(nameof(AuthOptions.MaxFailedLogins))} must be 1 to 100 (it is {options.MaxFailedLogins})");
        }

        if (options.MaxConcurrentPasswordHashes is < 1 or > 256)
        {
            errors.Add($"{Key(nameof(AuthOptions.MaxConcurrentPasswordHashes))} must be 1 to 256 (it is {options.MaxConcurrentPasswordHashes})");
        }

        if (options.MaxQueuedPasswordHashes is < 0 or > 100_000)
        {
            errors.Add($"{Key(nameof(AuthOptions.MaxQueuedPasswordHashes))} must be 0 to 100000 (it is {options.MaxQueuedPasswordHashes})");
        }

        if (options.LockoutDuration < TimeSpan.Zero || options.LockoutDuration > TimeSpan.FromDays(1))
        {
            errors.Add($"{Key(nameof(AuthOptions.LockoutDuration))} must be 00:00:00 to 1.00:00:00 (it is {options.LockoutDuration})");
        }

        if (options.RecoveryCodeLifetime < TimeSpan.FromMinutes(1) || options.RecoveryCodeLifetime > TimeSpan.FromDays(1))
        {
            errors.Add($"{Key(nameof(AuthOptions.RecoveryCodeLifetime))} must be 00:01:00 to 1.00:00:00 (it is {options.RecoveryCodeLifetime})");
        }

        if (options.MaxActiveRecoveryCodes is < 1 or > 20)
        {
            errors.Add($"{Key(nameof(AuthOptions.MaxActiveRecoveryCodes))} must be 1 to 20 (it is {options.MaxActiveRecoveryCodes})");
        }

        if (options.MaxRecoveryAttempts is < 1 or > 20)
        {
            errors.Add($"{Key(nameof(AuthOptions.MaxRecoveryAttempts))} must be 1 to 20 (it is {options.MaxRecoveryAttempts})");
        }

        return errors;
    }

    private static string Key(string property) => AuthOptions.SectionName + ":" + property;

    // The same spelling as SunderfallConfiguration.EnvironmentName, which this project does not reference.
    private static string Variable(string property) => "SUNDERFALL_" + AuthOptions.SectionName + "__" + property;
}
