using Microsoft.Extensions.Options;

namespace Sunderfall.Accounts.Tests;

/// <summary>Signing keys and options for tests; never used outside them.</summary>
public static class TestKeys
{
    public const string SigningKey = "test-signing-key-0123456789-abcdefghijklmnopqrstuvwxyz";

    public const string OtherSigningKey = "another-signing-key-9876543210-zyxwvutsrqponmlkjihgfedcba";

    public static IOptions<AuthOptions> Options(Action<AuthOptions>? configure = null)
    {
        var options = new AuthOptions { SigningKey = SigningKey };
        configure?.Invoke(options);
        return Microsoft.Extensions.Options.Options.Create(options);
    }
}
