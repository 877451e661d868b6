using System.Globalization;
using System.Text;

namespace Sunderfall.Grains.Chat;

/// <summary>What a chat message may contain.</summary>
public static class ChatText
{
    /// <summary>Longest message, in characters, after trimming.</summary>
    public const int MaxLength = 256;

    private const string Allowed = "letters, digits, punctuation, symbols, emoji and spaces are allowed";

    /// <summary>
    /// Says what is wrong with <paramref name="text"/>, or null if it may be sent; <paramref name="trimmed"/> is the
    /// text without leading and trailing white space, which is what is sent.
    /// </summary>
    public static string? Validate(string? text, out string trimmed)
    {
        trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return $"a chat message needs 1-{MaxLength} characters besides spaces";
        }

        if (trimmed.Length > MaxLength)
        {
            return $"the message has {trimmed.Length} characters; at most {MaxLength} are allowed";
        }

        var position = 0;
        foreach (var rune in trimmed.EnumerateRunes())
        {
            if (IsForbidden(rune))
            {
                return $"the message holds U+{rune.Value:X4} at character {position + 1}; control characters, line breaks and "
                    + $"direction overrides are not allowed ({Allowed})";
            }

            position += rune.Utf16SequenceLength;
        }

        return null;
    }

    private static bool IsForbidden(Rune rune)
    {
        if (rune == Rune.ReplacementChar)
        {
            // EnumerateRunes yields it for a lone surrogate (a broken encoding), and nobody types it.
            return true;
        }

        // Bidirectional embeddings, overrides and isolates can make a line display as something else.
        if (rune.Value is (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069))
        {
            return true;
        }

        return Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
    }
}
