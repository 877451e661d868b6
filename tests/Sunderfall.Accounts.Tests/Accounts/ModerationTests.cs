using Sunderfall.Accounts.Accounts;
using Sunderfall.Accounts.Audit;
using Sunderfall.Accounts.Tests.Database;
using Sunderfall.Accounts.Tokens;
using Xunit;

namespace Sunderfall.Accounts.Tests.Accounts;

[Collection(PostgresCollectionDefinition.Name)]
public sealed class ModerationTests(PostgresDatabase database) : IAsyncLifetime
{
    private AccountsHarness harness = null!;
    private AccountInfo admin = null!;

    public async Task InitializeAsync()
    {
        var adminName = AccountsHarness.UniqueName("Admin");
        harness = await AccountsHarness.StartAsync(database, o => o.BootstrapAdmins.Add(adminName));
        var registered = await harness.Accounts.RegisterAsync(adminName, $"{adminName}@example.com", "Correct-Horse-42", null);
        Assert.True(registered.Ok, registered.Message);
        admin = registered.Account!;
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task BanAsync_RevokesEverySession_AndLoginSaysBannedWithTheReason_UntilTheBanEnds()
    {
        var (player, password, first) = await harness.RegisterAndLoginAsync("Sable");
        var second = (await harness.Accounts.LoginAsync(player.Username, password, null)).Tokens!;
        var until = harness.Clock.GetUtcNow().AddDays(3);

        var ban = await harness.Moderation.BanAsync(admin.Id, admin.Username, player.Username, until, "gold duping", "10.0.0.1");

        Assert.True(ban.Ok, ban.Message);
        Assert.False(await harness.Accounts.IsSessionActiveAsync(await SessionOf(first)));
        Assert.False(await harness.Accounts.IsSessionActiveAsync(await SessionOf(second)));
        Assert.Equal(AuthErrorCode.TokenInvalid, (await harness.Accounts.RefreshAsync(second.RefreshToken, null)).Code);
        var login = await harness.Accounts.LoginAsync(player.Username, password, null);
        Assert.Equal(AuthErrorCode.Banned, login.Code);
        Assert.Contains("gold duping", login.Message, StringComparison.Ordinal);
        Assert.Null(login.Tokens);
        // Without the password the ban is not revealed.
        Assert.Equal(AuthErrorCode.InvalidCredentials, (await harness.Accounts.LoginAsync(player.Username, "Wrong-Horse-42", null)).Code);

        harness.Clock.Advance(TimeSpan.FromDays(3) + TimeSpan.FromMinutes(1));
        Assert.True((await harness.Accounts.LoginAsync(player.Username, password, null)).Ok);
    }

    [Fact]
    public async Task BanAsync_UntilTheEndOfTime_IsPermanent()
    {
        var (player, password) = await harness.RegisterAsync("Perm");

        var ban = await harness.Moderation.BanAsync(admin.Id, admin.Username, player.Username, DateTimeOffset.MaxValue, "botting", null);
        harness.Clock.Advance(TimeSpan.FromDays(3650));
        var login = await harness.Accounts.LoginAsync(player.Username, password, null);

        Assert.True(ban.Ok, ban.Message);
        Assert.Equal(AuthErrorCode.Banned, login.Code);
        Assert.Equal("this account is banned permanently: botting", login.Message);
    }

    [Fact]
    public async Task BanAsync_ByAPlayer_IsForbidden()
    {
        var (player, _) = await harness.RegisterAsync("Tarn");
        var (target, _) = await harness.RegisterAsync("Ulla");

        var result = await harness.Moderation.BanAsync(player.Id, player.Username, target.Username, harness.Clock.GetUtcNow().AddDays(1), "spite", null);

        Assert.Equal(AuthErrorCode.Forbidden, result.Code);
    }

    [Fact]
    public async Task BanAsync_ByAModerator_CannotTouchAnAdmin()
    {
        var (moderator, _) = await harness.RegisterAsync("Vesp");
        Assert.True((await harness.Moderation.SetRolesAsync(admin.Id, admin.Username, moderator.Username, [Roles.Player, Roles.Moderator], null)).Ok);

        var result = await harness.Moderation.BanAsync(moderator.Id, moderator.Username, admin.Username, harness.Clock.GetUtcNow().AddDays(1), "coup", null);

        Assert.Equal(AuthErrorCode.Forbidden, result.Code);
    }

    [Fact]
    public async Task BanAsync_EndingInThePast_SaysABanMustEndInTheFuture()
    {
        var (target, _) = await harness.RegisterAsync("Wynn");

        var result = await harness.Moderation.BanAsync(admin.Id, admin.Username, target.Username, harness.Clock.GetUtcNow().AddMinutes(-1), "late", null);

        Assert.Equal(AuthErrorCode.InvalidArgument, result.Code);
        Assert.StartsWith("a ban must end in the future", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetRolesAsync_ByAnAdmin_ChangesTheRolesInTheNextToken_AndIsAudited()
    {
        var (player, _, tokens) = await harness.RegisterAndLoginAsync("Xan");

        var result = await harness.Moderation.SetRolesAsync(admin.Id, admin.Username, player.Username.ToUpperInvariant(), ["Moderator", "player"], "10.0.0.2");

        Assert.True(result.Ok, result.Message);
        Assert.Equal([Roles.Player, Roles.Moderator], result.Account!.Roles);
        var refreshed = await harness.Accounts.RefreshAsync(tokens.RefreshToken, null);
        var claims = (await harness.Tokens.ValidateAccessTokenAsync(refreshed.Tokens!.AccessToken)).ClaimsIdentity;
        Assert.True(claims.HasClaim(AccountClaims.Role, Roles.Moderator));

        await harness.Audit.FlushAsync();
        var entries = await harness.Audit.QueryAsync(admin.Id, harness.Clock.GetUtcNow().AddMinutes(-5), harness.Clock.GetUtcNow().AddMinutes(1), 100);
        var change = Assert.Single(entries, e => e.Action == AuditActions.RolesChanged && e.Target == player.Username);
        Assert.Equal(admin.Username, change.ActorName);
        Assert.Equal("10.0.0.2", change.Ip);
        Assert.Contains("\"from\": \"player\"", change.Details, StringComparison.Ordinal);
        Assert.Contains("\"to\": \"player,moderator\"", change.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetRolesAsync_ByANonAdmin_IsForbidden_AndChangesNothing()
    {
        var (player, _) = await harness.RegisterAsync("Yara");

        var result = await harness.Moderation.SetRolesAsync(player.Id, player.Username, player.Username, [Roles.Admin], null);

        Assert.Equal(AuthErrorCode.Forbidden, result.Code);
        Assert.Equal([Roles.Player], (await harness.Moderation.FindAsync(player.Username)).Account!.Roles);
    }

    [Theory]
    [InlineData("root")]
    [InlineData("")]
    public async Task SetRolesAsync_WithAnUnknownRole_ListsTheKnownOnes(string role)
    {
        var (player, _) = await harness.RegisterAsync("Zed");

        var result = await harness.Moderation.SetRolesAsync(admin.Id, admin.Username, player.Username, [Roles.Player, role], null);

        Assert.Equal(AuthErrorCode.InvalidArgument, result.Code);
        Assert.Equal("roles must name at least one of: player, moderator, admin", result.Message);
    }

    [Fact]
    public async Task SetRolesAsync_AnAdminCannotTakeAdminFromThemselves()
    {
        var result = await harness.Moderation.SetRolesAsync(admin.Id, admin.Username, admin.Username, [Roles.Player], null);

        Assert.Equal(AuthErrorCode.Forbidden, result.Code);
    }

    private async Task<Guid> SessionOf(TokenPair tokens) =>
        Guid.Parse((string)(await harness.Tokens.ValidateAccessTokenAsync(tokens.AccessToken)).Claims[AccountClaims.SessionId]);
}
