using Sunderfall.Accounts.Accounts;
using Xunit;

namespace Sunderfall.Accounts.Tests.Accounts;

public sealed class EmailPolicyTests
{
    [Theory]
    [InlineData("a@b.co")]
    [InlineData("first.last+tag@mail.example.org")]
    [InlineData("Ärger@exämple.de")]
    public void Validate_WithAnAddress_Accepts(string email) => Assert.Null(EmailPolicy.Validate(email));

    [Theory]
    [InlineData("")]
    [InlineData("no-at-sign.example.com")]
    [InlineData("two@@example.com")]
    [InlineData("a@b@example.com")]
    [InlineData("@example.com")]
    [InlineData("aria@localhost")]
    [InlineData("aria@.com")]
    [InlineData("aria@example.")]
    [InlineData("aria@example..com")]
    [InlineData("ari a@example.com")]
    [InlineData("aria@exa\nmple.com")]
    public void Validate_WithAMalformedAddress_StatesTheRule(string email) =>
        Assert.StartsWith(EmailPolicy.Rule, EmailPolicy.Validate(email), StringComparison.Ordinal);

    [Fact]
    public void Validate_LongerThan254Characters_IsRefused()
    {
        var domain = "@example.com";
        Assert.Null(EmailPolicy.Validate(new string('a', 254 - domain.Length) + domain));
        Assert.Contains("255 characters", EmailPolicy.Validate(new string('a', 255 - domain.Length) + domain), StringComparison.Ordinal);
    }
}
