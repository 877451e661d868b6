using Sunderfall.Accounts.Accounts;
using Xunit;

namespace Sunderfall.Accounts.Tests.Accounts;

public sealed class RolesTests
{
    [Theory]
    [InlineData("admin", Roles.Admin)]
    [InlineData(" Moderator ", Roles.Moderator)]
    [InlineData("PLAYER", Roles.Player)]
    [InlineData("root", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Normalize_KnowsOnlyTheThreeRoles(string? role, string? expected) =>
        Assert.Equal(expected, Roles.Normalize(role));
}
