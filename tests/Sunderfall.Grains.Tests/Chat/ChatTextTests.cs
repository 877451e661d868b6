using Sunderfall.Grains.Chat;
using Xunit;

namespace Sunderfall.Grains.Tests.Chat;

public sealed class ChatTextTests
{
    [Theory]
    [InlineData("hello", "hello")]
    [InlineData("  padded\t", "padded")]
    [InlineData("¿Qué tal? — 你好 👋🏽", "¿Qué tal? — 你好 👋🏽")]
    public void Validate_AllowsOrdinaryText_AndSendsItTrimmed(string text, string sent)
    {
        Assert.Null(ChatText.Validate(text, out var trimmed));
        Assert.Equal(sent, trimmed);
    }

    [Fact]
    public void Validate_Allows256Characters_AfterTrimming()
    {
        Assert.Null(ChatText.Validate("  " + new string('x', ChatText.MaxLength) + "  ", out var trimmed));
        Assert.Equal(ChatText.MaxLength, trimmed.Length);
    }

    [Theory]
    [InlineData("abc\u202Edef", "U+202E")]
    [InlineData("abc\u2028def", "U+2028")]
    [InlineData("tab\tinside", "U+0009")]
    public void Validate_RefusesControlsBreaksAndDirectionOverrides_SayingWhereAndWhatIsAllowed(string text, string codePoint)
    {
        var error = ChatText.Validate(text, out _);

        Assert.NotNull(error);
        Assert.Contains(codePoint, error, StringComparison.Ordinal);
        Assert.Contains("letters, digits, punctuation", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RefusesALoneSurrogate()
    {
        var broken = "lone " + (char)0xD800 + " surrogate";

        Assert.NotNull(ChatText.Validate(broken, out _));
    }
}
