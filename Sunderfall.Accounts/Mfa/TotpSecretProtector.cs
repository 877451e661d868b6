using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Sunderfall.Accounts.Mfa;

/// <summary>
/// Encrypts authenticator secrets for the database with AES-256-GCM under <see cref="MfaOptions.SecretEncryptionKey"/>,
/// bound to the account's id (a secret copied to another row does not decrypt). Stored form: "SFT1", a 12-byte nonce,
/// the ciphertext and the 16-byte tag. A value without that prefix is a secret stored in plain text before encryption
/// existed: it is read as it is until <see cref="TotpSecretEncryption"/> encrypts it.
/// </summary>
public sealed class TotpSecretProtector
{
    /// <summary>Bytes in the key.</summary>
    public const int KeyBytes = 32;

    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private static readonly byte[] Magic = "SFT1"u8.ToArray();

    private readonly byte[] key;

    /// <summary>Creates the protector; the key was checked on start (<see cref="MfaOptions"/>).</summary>
    public TotpSecretProtector(IOptions<MfaOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        key = TryParseKey(options.Value.SecretEncryptionKey)
            ?? throw new ArgumentException($"{MfaOptionsValidator.Setting} must be {KeyBytes} bytes in base64 (set {MfaOptionsValidator.Variable})", nameof(options));
    }

    /// <summary>True when the stored value is encrypted (not a plain secret from before).</summary>
    public static bool IsEncrypted(byte[] stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return stored.Length > Magic.Length + NonceBytes + TagBytes && stored.AsSpan(0, Magic.Length).SequenceEqual(Magic);
    }

    /// <summary>The stored form of a secret of this account.</summary>
    public byte[] Protect(Guid accountId, byte[] secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var stored = new byte[Magic.Length + NonceBytes + secret.Length + TagBytes];
        Magic.CopyTo(stored, 0);
        var nonce = stored.AsSpan(Magic.Length, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagBytes);
        aes.Encrypt(nonce, secret, stored.AsSpan(Magic.Length + NonceBytes, secret.Length), stored.AsSpan(stored.Length - TagBytes), accountId.ToByteArray());
        return stored;
    }

    /// <summary>The secret from its stored form (a plain one as it is); throws if the value was tampered with or moved.</summary>
    public byte[] Unprotect(Guid accountId, byte[] stored)
    {
        if (!IsEncrypted(stored))
        {
            return stored;
        }

        var length = stored.Length - Magic.Length - NonceBytes - TagBytes;
        var secret = new byte[length];
        using var aes = new AesGcm(key, TagBytes);
        aes.Decrypt(stored.AsSpan(Magic.Length, NonceBytes), stored.AsSpan(Magic.Length + NonceBytes, length),
            stored.AsSpan(stored.Length - TagBytes), secret, accountId.ToByteArray());
        return secret;
    }

    /// <summary>The key from its base64 text, or null when it is not exactly <see cref="KeyBytes"/> bytes.</summary>
    public static byte[]? TryParseKey(string? text)
    {
        var buffer = new byte[KeyBytes + 3];
        return Convert.TryFromBase64String(text ?? "", buffer, out var written) && written == KeyBytes ? buffer[..KeyBytes] : null;
    }
}
