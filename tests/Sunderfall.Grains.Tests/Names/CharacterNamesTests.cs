using Sunderfall.Grains.Names;
using Xunit;

namespace Sunderfall.Grains.Tests.Names;

public sealed class CharacterNamesTests
{
    [Theory]
    [InlineData("Abc")]
    [InlineData("Aldric")]
    [InlineData("sun_der-fall42")]
    [InlineData("Abcdefghijklmnop")]
    public void Validate_WhenNameFollowsTheRules_AcceptsIt(string name) =>
        Assert.Null(CharacterNames.Validate(name));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Validate_WhenNameIsMissing_SaysItIsRequiredAndWhatIsAllowed(string? name)
    {
        var message = CharacterNames.Validate(name);

        Assert.NotNull(message);
        Assert.Contains("required", message, StringComparison.Ordinal);
        Assert.Contains("3-16", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WhenNameIsTooShort_SaysItsLengthAndTheAllowedRange()
    {
        var message = CharacterNames.Validate("Ab");

        Assert.NotNull(message);
        Assert.Contains("2 characters", message, StringComparison.Ordinal);
        Assert.Contains("3-16", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WhenNameIsTooLong_SaysItsLengthAndTheAllowedRange()
    {
        var message = CharacterNames.Validate(new string('a', CharacterNames.MaxLength + 1));

        Assert.NotNull(message);
        Assert.Contains("17 characters", message, StringComparison.Ordinal);
        Assert.Contains("3-16", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Bad Name")]
    [InlineData("Bad!Name")]
    [InlineData("Naïve")]
    [InlineData("Ünter")]
    [InlineData("Dr.Who")]
    public void Validate_WhenNameHoldsCharactersOutsideTheAllowedSet_NamesTheAllowedSet(string name)
    {
        var message = CharacterNames.Validate(name);

        Assert.NotNull(message);
        Assert.Contains("A-Z, a-z, 0-9, '-' or '_'", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1stKnight")]
    [InlineData("_Shadow")]
    [InlineData("-Dash")]
    public void Validate_WhenNameDoesNotStartWithALetter_SaysItMust(string name)
    {
        var message = CharacterNames.Validate(name);

        Assert.NotNull(message);
        Assert.Contains("start with a letter", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_WhenNamesDifferOnlyInCase_GivesTheSameKey() =>
        Assert.Equal(CharacterNames.Normalize("Aldric_the-2nd"), CharacterNames.Normalize("aLDRIC_THE-2ND"));

    [Fact]
    public void Normalize_WhenNamesDifferInLetters_GivesDifferentKeys() =>
        Assert.NotEqual(CharacterNames.Normalize("Aldric"), CharacterNames.Normalize("Aldrin"));
}
