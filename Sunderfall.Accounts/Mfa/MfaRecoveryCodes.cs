using System.Security.Cryptography;

namespace Sunderfall.Accounts.Mfa;

/// <summary>
/// The one-time codes that stand in for an authenticator: ten of them, each two groups of five characters from an
/// alphabet without look-alikes ("k7m2p-xq4rt", about 50 bits), typed with or without the dash and in any case.
/// </summary>
public static class MfaRecoveryCodes
{
    /// <summary>Codes issued when two-step sign-in is turned on.</summary>
    public const int Count = 10;

    /// <summary>Characters in a code, not counting the dash.</summary>
    public const int Length = 10;

    /// <summary>Lower-case letters and digits without 0/o, 1/l/i.</summary>
    public const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";

    /// <summary><see cref="Count"/> new random codes, formatted for showing ("xxxxx-xxxxx").</summary>
    public static IReadOnlyList<string> NewCodes()
    {
        var codes = new List<string>(Count);
        while (codes.Count < Count)
        {
            var code = RandomNumberGenerator.GetString(Alphabet, Length);
            var shown = $"{code[..(Length / 2)]}-{code[(Length / 2)..]}";
            if (!codes.Contains(shown))
            {
                codes.Add(shown);
            }
        }

        return codes;
    }

    /// <summary>True when the text (already normalised by <see cref="MfaCode.Normalize"/>) has the shape of a recovery code.</summary>
    public static bool IsCodeShaped(string code) => code is { Length: Length } && code.All(c => Alphabet.Contains(c, StringComparison.Ordinal));
}
