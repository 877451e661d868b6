using System.Globalization;
using System.Text;

namespace Sunderfall.Frontend.Operations;

/// <summary>What a broadcast system message may contain: the rules of a chat line (1-256 characters, no control characters).</summary>
public static class SystemMessageText
{
    /// <summary>Longest message, in characters, after trimming (a chat line's length).</summary>
    public const int MaxLength = 256;

    /// <summary>Says what is wrong with <paramref name="text"/>, or null; <paramref name="trimmed"/> is what is sent.</summary>
    public static string? Validate(string? text, out string trimmed)
    {
        trimmed = text?.Trim() ?? "";
        if (trimmed.Length is 0 or > MaxLength)
        {
            return $"text must have 1-{MaxLength} characters besides leading and trailing spaces (it has {trimmed.Length})";
        }

        var position = 0;
        foreach (var rune in trimmed.EnumerateRunes())
        {
            // A lone surrogate, a control character or line break, or a direction override that makes a line read differently.
            if (rune == Rune.ReplacementChar || rune.Value is (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069)
                || Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                return $"text holds U+{rune.Value:X4} at character {position + 1}; control characters, line breaks and direction overrides are not allowed";
            }

            position += rune.Utf16SequenceLength;
        }

        return null;
    }
}
