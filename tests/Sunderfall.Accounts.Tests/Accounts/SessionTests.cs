using Sunderfall.Accounts.Accounts;
using Sunderfall.Accounts.Tests.Database;
using Sunderfall.Accounts.Tokens;
using Xunit;

namespace Sunderfall.Accounts.Tests.Accounts;

[Collection(PostgresCollectionDefinition.Name)]
public sealed class SessionTests(PostgresDatabase database) : IAsyncLifetime
{
    private AccountsHarness harness = null!;

    public async Task InitializeAsync() => harness = await AccountsHarness.StartAsync(database);

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task RefreshAsync_RotatesTheToken_AndReusingTheOldOneRevokesTheNewOneToo()
    {
        var (account, _, first) = await harness.RegisterAndLoginAsync("Mira");
        var session = await SessionOf(first);

        var rotated = await harness.Accounts.RefreshAsync(first.RefreshToken, null);
        Assert.True(rotated.Ok, rotated.Message);
        Assert.NotEqual(first.RefreshToken, rotated.Tokens!.RefreshToken);
        Assert.Equal(session, await SessionOf(rotated.Tokens));
        Assert.Equal(account.Id, rotated.Account!.Id);

        var reused = await harness.Accounts.RefreshAsync(first.RefreshToken, null);
        Assert.Equal(AuthErrorCode.TokenReused, reused.Code);
        Assert.Null(reused.Tokens);

        var successor = await harness.Accounts.RefreshAsync(rotated.Tokens.RefreshToken, null);
        Assert.Equal(AuthErrorCode.TokenInvalid, successor.Code);
        Assert.False(await harness.Accounts.IsSessionActiveAsync(session));
    }

    [Fact]
    public async Task RefreshAsync_KeepsOtherSessionsOfTheAccountAlive_WhenOneIsRevokedForReuse()
    {
        var (account, password, first) = await harness.RegisterAndLoginAsync("Nell");
        var other = (await harness.Accounts.LoginAsync(account.Username, password, null)).Tokens!;

        await harness.Accounts.RefreshAsync(first.RefreshToken, null);
        await harness.Accounts.RefreshAsync(first.RefreshToken, null);

        Assert.True((await harness.Accounts.RefreshAsync(other.RefreshToken, null)).Ok);
    }

    [Fact]
    public async Task RefreshAsync_AfterTheRefreshTokenLifetime_IsExpired()
    {
        var (_, _, tokens) = await harness.RegisterAndLoginAsync("Orin");
        var session = await SessionOf(tokens);

        harness.Clock.Advance(TimeSpan.FromDays(30) + TimeSpan.FromMinutes(1));
        var result = await harness.Accounts.RefreshAsync(tokens.RefreshToken, null);

        Assert.Equal(AuthErrorCode.TokenExpired, result.Code);
        Assert.False(await harness.Accounts.IsSessionActiveAsync(session));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task RefreshAsync_WithATokenThatWasNeverIssued_IsInvalid(string token) =>
        Assert.Equal(AuthErrorCode.TokenInvalid, (await harness.Accounts.RefreshAsync(token, null)).Code);

    [Fact]
    public async Task LogoutAsync_RevokesThatSession_AndOnlyThatOne()
    {
        var (account, password, tokens) = await harness.RegisterAndLoginAsync("Pell");
        var other = (await harness.Accounts.LoginAsync(account.Username, password, null)).Tokens!;
        var session = await SessionOf(tokens);
        Assert.True(await harness.Accounts.IsSessionActiveAsync(session));

        var logout = await harness.Accounts.LogoutAsync(account.Id, session, "10.0.0.9");

        Assert.True(logout.Ok, logout.Message);
        Assert.False(await harness.Accounts.IsSessionActiveAsync(session));
        Assert.Equal(AuthErrorCode.TokenInvalid, (await harness.Accounts.RefreshAsync(tokens.RefreshToken, null)).Code);
        Assert.True(await harness.Accounts.IsSessionActiveAsync(await SessionOf(other)));
        Assert.True((await harness.Accounts.LogoutAsync(account.Id, session, null)).Ok);
    }

    [Fact]
    public async Task LogoutAsync_OfAnotherAccountsSession_IsNotFound_AndLeavesItActive()
    {
        var (_, _, victim) = await harness.RegisterAndLoginAsync("Quin");
        var (attacker, _) = await harness.RegisterAsync("Rook");
        var session = await SessionOf(victim);

        var result = await harness.Accounts.LogoutAsync(attacker.Id, session, null);

        Assert.Equal(AuthErrorCode.NotFound, result.Code);
        Assert.True(await harness.Accounts.IsSessionActiveAsync(session));
    }

    [Fact]
    public async Task IsSessionActiveAsync_ForAnotherAccountsSession_IsFalse()
    {
        var (owner, _, tokens) = await harness.RegisterAndLoginAsync("Sola");
        var (other, _) = await harness.RegisterAsync("Tarn");
        var session = await SessionOf(tokens);

        Assert.True(await harness.Accounts.IsSessionActiveAsync(owner.Id, session));
        Assert.False(await harness.Accounts.IsSessionActiveAsync(other.Id, session));
    }

    private async Task<Guid> SessionOf(TokenPair tokens)
    {
        var validated = await harness.Tokens.ValidateAccessTokenAsync(tokens.AccessToken);
        Assert.True(validated.IsValid);
        return Guid.Parse((string)validated.Claims[AccountClaims.SessionId]);
    }
}
