using Sunderfall.Accounts.Accounts;
using Xunit;

namespace Sunderfall.Accounts.Tests.Accounts;

public sealed class UsernamePolicyTests
{
    [Theory]
    [InlineData("Ari")]
    [InlineData("aria_of-the-vale")]
    [InlineData("Z1234567890123456789")]
    public void Validate_WithAnAllowedName_Accepts(string username) =>
        Assert.Null(UsernamePolicy.Validate(username));

    [Theory]
    [InlineData("ab", "it has 2")]
    [InlineData("a12345678901234567890", "it has 21")]
    [InlineData("1aria", "does not start with a letter")]
    [InlineData("_aria", "does not start with a letter")]
    [InlineData("ari a", "space or control character")]
    [InlineData("arïa", "contains 'ï'")]
    [InlineData("aria;drop", "contains ';'")]
    [InlineData("", "it is empty")]
    public void Validate_WithABadName_StatesTheRule(string username, string problem)
    {
        var message = UsernamePolicy.Validate(username);

        Assert.NotNull(message);
        Assert.StartsWith(UsernamePolicy.Rule, message, StringComparison.Ordinal);
        Assert.Contains(problem, message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WithNull_IsRefused() => Assert.NotNull(UsernamePolicy.Validate(null));
}
