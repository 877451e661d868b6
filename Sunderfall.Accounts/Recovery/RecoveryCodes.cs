using System.Globalization;
using System.Security.Cryptography;

namespace Sunderfall.Accounts.Recovery;

/// <summary>Account-recovery codes: 8 random decimal digits, easy to read out of a message and type.</summary>
public static class RecoveryCodes
{
    /// <summary>Digits in a code.</summary>
    public const int Digits = 8;

    /// <summary>Longest text looked at (spaces and dashes allowed); anything longer is refused before any work.</summary>
    public const int MaxTypedLength = 32;

    /// <summary>What is allowed, for messages.</summary>
    public const string Rule = "the recovery code is the 8 digits sent to the account's address";

    /// <summary>A new random code.</summary>
    public static string NewCode() => RandomNumberGenerator.GetInt32(0, 100_000_000).ToString("D8", CultureInfo.InvariantCulture);

    /// <summary>The code without spaces and dashes, as it is checked; empty for null.</summary>
    public static string Normalize(string? code) => code is null ? "" : string.Concat(code.Where(c => c is not (' ' or '-')));

    /// <summary>True when the (normalised) text has the shape of a recovery code.</summary>
    public static bool IsCodeShaped(string code) => code is { Length: Digits } && code.All(char.IsAsciiDigit);
}
