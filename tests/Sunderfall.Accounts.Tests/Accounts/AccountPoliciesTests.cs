using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Sunderfall.Accounts.Accounts;
using Sunderfall.Accounts.Tokens;
using Xunit;

namespace Sunderfall.Accounts.Tests.Accounts;

public sealed class AccountPoliciesTests
{
    [Theory]
    [InlineData(new[] { Roles.Player }, AccountPolicies.Player, true)]
    [InlineData(new[] { Roles.Player }, AccountPolicies.Moderator, false)]
    [InlineData(new[] { Roles.Player }, AccountPolicies.Admin, false)]
    [InlineData(new[] { Roles.Player, Roles.Moderator }, AccountPolicies.Moderator, true)]
    [InlineData(new[] { Roles.Player, Roles.Moderator }, AccountPolicies.Admin, false)]
    [InlineData(new[] { Roles.Admin }, AccountPolicies.Moderator, true)]
    [InlineData(new[] { Roles.Admin }, AccountPolicies.Admin, true)]
    public async Task Policies_ReadTheRolesOfAValidatedAccessToken(string[] roles, string policy, bool allowed)
    {
        using var services = new ServiceCollection().AddLogging().AddAuthorization(o => o.AddAccountPolicies()).BuildServiceProvider();
        var tokens = new TokenService(TestKeys.Options(), TimeProvider.System);
        var account = new AccountInfo(Guid.NewGuid(), "Aria", "aria@example.com", roles, DateTimeOffset.UtcNow, null);
        var validated = await tokens.ValidateAccessTokenAsync(tokens.IssueAccessToken(account, Guid.NewGuid()).Token);

        var result = await services.GetRequiredService<IAuthorizationService>().AuthorizeAsync(new ClaimsPrincipal(validated.ClaimsIdentity), policy);

        Assert.Equal(allowed, result.Succeeded);
    }

    [Fact]
    public async Task Policies_RefuseAnAnonymousUser()
    {
        using var services = new ServiceCollection().AddLogging().AddAuthorization(o => o.AddAccountPolicies()).BuildServiceProvider();

        var result = await services.GetRequiredService<IAuthorizationService>().AuthorizeAsync(new ClaimsPrincipal(new ClaimsIdentity()), AccountPolicies.Player);

        Assert.False(result.Succeeded);
    }
}
