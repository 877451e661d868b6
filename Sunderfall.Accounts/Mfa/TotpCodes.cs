using OtpNet;

namespace Sunderfall.Accounts.Mfa;

/// <summary>
/// RFC 6238 authenticator codes through Otp.NET: 6 digits, 30-second steps, HMAC-SHA1 (what every authenticator app
/// supports), 160-bit secrets. A code is accepted from one step before to one step after the current one.
/// </summary>
public static class TotpCodes
{
    /// <summary>The issuer shown by authenticator apps.</summary>
    public const string Issuer = "Sunderfall";

    /// <summary>Bytes in a secret: 160 bits, as RFC 4226 recommends.</summary>
    public const int SecretBytes = 20;

    /// <summary>Digits in a code.</summary>
    public const int Digits = 6;

    /// <summary>Seconds per time step.</summary>
    public const int StepSeconds = 30;

    /// <summary>Steps of clock drift allowed either way.</summary>
    public const int AllowedDriftSteps = 1;

    /// <summary>A new random secret.</summary>
    public static byte[] NewSecret() => KeyGeneration.GenerateRandomKey(SecretBytes);

    /// <summary>The secret as authenticator apps take it when typed in: base32 (32 characters, no padding).</summary>
    public static string ToBase32(byte[] secret) => Base32Encoding.ToString(secret).TrimEnd('=');

    /// <summary>The otpauth:// URI an authenticator app reads from a QR code, labelled "Sunderfall:username".</summary>
    public static string OtpAuthUri(byte[] secret, string username) =>
        new OtpUri(OtpType.Totp, ToBase32(secret), username, Issuer, OtpHashMode.Sha1, Digits, StepSeconds).ToString();

    /// <summary>True when the text (already normalised) has the shape of an authenticator code: 6 ASCII digits.</summary>
    public static bool IsCodeShaped(string code) => code is { Length: Digits } && code.All(char.IsAsciiDigit);

    /// <summary>
    /// The time step the code belongs to when it is valid for the secret at <paramref name="now"/> give or take
    /// <see cref="AllowedDriftSteps"/>; null when it is not. The caller refuses steps already used.
    /// </summary>
    public static long? MatchStep(byte[] secret, string code, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (!IsCodeShaped(code))
        {
            return null;
        }

        var totp = new Totp(secret, StepSeconds, OtpHashMode.Sha1, Digits);
        return totp.VerifyTotp(now.UtcDateTime, code, out var step, new VerificationWindow(AllowedDriftSteps, AllowedDriftSteps))
            ? step
            : null;
    }
}
