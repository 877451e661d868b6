using System.Text;

namespace Sunderfall.Accounts;

/// <summary>
/// What a signing key must be outside the Development environment: whoever knows or guesses it can issue themselves
/// an admin token, since roles are read from the token. A key is refused when it
/// <list type="bullet">
/// <item>is one of <see cref="KnownDevelopmentKeys"/> (every key that has appeared in this repository's configuration,
/// scripts or tests), or contains a placeholder word (<see cref="PlaceholderWords"/>);</item>
/// <item>is shorter than <see cref="AuthOptions.MinSigningKeyBytes"/> bytes of UTF-8;</item>
/// <item>has fewer than <see cref="MinDistinctCharacters"/> distinct characters, or is one pattern repeated; or</item>
/// <item>has an estimated entropy below <see cref="MinEntropyBits"/> bits, estimated as its length times the Shannon
/// entropy of its own character frequencies (a key of one repeated pattern scores low; 32 random bytes in base64
/// score about 230 bits, in hex about 250).</item>
/// </list>
/// Generate one with <c>head -c 48 /dev/urandom | base64 -w0</c>.
/// </summary>
public static class SigningKeyPolicy
{
    /// <summary>Least estimated entropy, in bits.</summary>
    public const double MinEntropyBits = 128;

    /// <summary>Least number of different characters.</summary>
    public const int MinDistinctCharacters = 10;

    /// <summary>Keys published in this repository, now or before: never valid outside Development.</summary>
    public static readonly IReadOnlyList<string> KnownDevelopmentKeys =
    [
        "compose-development-signing-key-change-me-0123456789",
        "integration-tests-signing-key-0123456789-abcdefghij",
        "test-signing-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "another-signing-key-9876543210-zyxwvutsrqponmlkjihgfedcba",
    ];

    /// <summary>Words that mark a key as a placeholder (compared ignoring case).</summary>
    public static readonly IReadOnlyList<string> PlaceholderWords = ["change-me", "changeme", "change_me", "development", "example", "placeholder"];

    /// <summary>What is wrong with the key for a deployment, or null when it passes.</summary>
    public static string? Problem(string? key)
    {
        key ??= "";
        if (KnownDevelopmentKeys.Contains(key, StringComparer.Ordinal))
        {
            return "is a development key published in the Sunderfall repository";
        }

        if (PlaceholderWords.FirstOrDefault(w => key.Contains(w, StringComparison.OrdinalIgnoreCase)) is { } word)
        {
            return $"contains the placeholder word '{word}'";
        }

        var bytes = Encoding.UTF8.GetByteCount(key);
        if (bytes < AuthOptions.MinSigningKeyBytes)
        {
            return $"is {bytes} bytes long, under the {AuthOptions.MinSigningKeyBytes} required";
        }

        var distinct = key.Distinct().Count();
        if (distinct < MinDistinctCharacters)
        {
            return $"has {distinct} distinct characters, under the {MinDistinctCharacters} required";
        }

        if (RepeatedPatternLength(key) is { } period)
        {
            return $"is a pattern of {period} characters repeated";
        }

        var bits = EstimatedEntropyBits(key);
        return bits < MinEntropyBits ? $"has an estimated entropy of {bits:0} bits, under the {MinEntropyBits:0} required" : null;
    }

    // The shortest period p (at most half the length) with key[i] == key[i - p] throughout, or null.
    private static int? RepeatedPatternLength(string key)
    {
        for (var period = 1; period <= key.Length / 2; period++)
        {
            var repeats = true;
            for (var i = period; i < key.Length && repeats; i++)
            {
                repeats = key[i] == key[i - period];
            }

            if (repeats)
            {
                return period;
            }
        }

        return null;
    }

    /// <summary>The key's length times the Shannon entropy of its character frequencies, in bits.</summary>
    public static double EstimatedEntropyBits(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length == 0)
        {
            return 0;
        }

        var perCharacter = key.GroupBy(c => c)
            .Select(g => (double)g.Count() / key.Length)
            .Sum(p => -p * Math.Log2(p));
        return perCharacter * key.Length;
    }
}
