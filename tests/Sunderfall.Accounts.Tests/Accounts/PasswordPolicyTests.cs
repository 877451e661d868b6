using Sunderfall.Accounts.Accounts;
using Xunit;

namespace Sunderfall.Accounts.Tests.Accounts;

public sealed class PasswordPolicyTests
{
    [Theory]
    [InlineData("Correct-Horse-42")]
    [InlineData("sunder fall 2024")]
    [InlineData("ünïcödé-pässwörd")]
    [InlineData("abcdefghi1")]
    public void Validate_WithAStrongPassword_Accepts(string password) =>
        Assert.Null(PasswordPolicy.Validate("aria", password));

    [Theory]
    [InlineData("short1!", "it has 7 characters")]
    [InlineData("", "it is empty")]
    [InlineData("onlylettershere", "no digit or symbol")]
    [InlineData("only letters here", "no digit or symbol")]
    [InlineData("1234567890!", "no letter")]
    [InlineData("1111111111", "one character repeated")]
    [InlineData("xxARIAxx-12", "contains the username")]
    [InlineData("tab\there-123", "control character")]
    public void Validate_WithAWeakPassword_StatesTheRuleAndWhatIsWrong(string password, string problem)
    {
        var message = PasswordPolicy.Validate("aria", password);

        Assert.NotNull(message);
        Assert.StartsWith(PasswordPolicy.Rule, message, StringComparison.Ordinal);
        Assert.Contains(problem, message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WithMoreThan128Characters_IsRefused_And128IsAccepted()
    {
        Assert.Null(PasswordPolicy.Validate("aria", "x1" + new string('y', 126)));
        Assert.Contains("10-128 characters", PasswordPolicy.Validate("aria", "x1" + new string('y', 127)), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WithNullPassword_IsRefused() =>
        Assert.NotNull(PasswordPolicy.Validate("aria", null));
}
