using Microsoft.Extensions.Options;

namespace Sunderfall.Accounts.Tests;

/// <summary>Signing keys and options for tests; never used outside them.</summary>
public static class TestKeys
{
    /// <summary>A random key per test run, strong enough for a host outside Development.</summary>
    public static readonly string SigningKey = NewKey();

    public static readonly string OtherSigningKey = NewKey();

    /// <summary>The key authenticator secrets are encrypted with in the tests (32 random bytes, base64).</summary>
    public static readonly string MfaKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    public static Sunderfall.Accounts.Mfa.TotpSecretProtector TotpProtector() =>
        new(Microsoft.Extensions.Options.Options.Create(new Sunderfall.Accounts.Mfa.MfaOptions { SecretEncryptionKey = MfaKey }));

    /// <summary>48 random bytes in base64, as docs/operations.md tells operators to make one.</summary>
    public static string NewKey() => Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48));

    public static IOptions<AuthOptions> Options(Action<AuthOptions>? configure = null)
    {
        var options = new AuthOptions { SigningKey = SigningKey };
        configure?.Invoke(options);
        return Microsoft.Extensions.Options.Options.Create(options);
    }
}
