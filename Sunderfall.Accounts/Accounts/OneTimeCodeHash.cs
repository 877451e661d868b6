using System.Security.Cryptography;
using System.Text;

namespace Sunderfall.Accounts.Accounts;

/// <summary>
/// How one-time codes (MFA recovery codes, account-recovery codes) are stored: SHA-256 over a random 16-byte salt and
/// the normalised code. The codes are random and short-lived or high-entropy, so a slow password hash is not needed;
/// the salt keeps equal codes from having equal hashes.
/// </summary>
internal static class OneTimeCodeHash
{
    public const int SaltBytes = 16;

    public static (byte[] Salt, byte[] Hash) New(string code)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        return (salt, Compute(salt, code));
    }

    public static byte[] Compute(byte[] salt, string code)
    {
        ArgumentNullException.ThrowIfNull(salt);
        ArgumentNullException.ThrowIfNull(code);
        var text = Encoding.UTF8.GetBytes(code);
        var input = new byte[salt.Length + text.Length];
        salt.CopyTo(input, 0);
        text.CopyTo(input, salt.Length);
        return SHA256.HashData(input);
    }

    public static bool Matches(byte[] salt, byte[] hash, string code) =>
        CryptographicOperations.FixedTimeEquals(Compute(salt, code), hash);
}
