using Sunderfall.Accounts.Accounts;
using Sunderfall.Accounts.Tests.Database;
using Sunderfall.Accounts.Tokens;
using Xunit;

namespace Sunderfall.Accounts.Tests.Accounts;

/// <summary>
/// FindEndedSessionsAsync: the one query a frontend's session re-check asks each round. It must agree with the check a
/// hub connection passes when it opens (IsSessionActiveAsync), for many sessions at once.
/// </summary>
[Collection(PostgresCollectionDefinition.Name)]
public sealed class EndedSessionsTests(PostgresDatabase database) : IAsyncLifetime
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
    public async Task FindEndedSessionsAsync_NamesTheLoggedOutAndTheBanned_AndLeavesLiveAndRefreshedSessionsAlone()
    {
        var (live, _, liveTokens) = await harness.RegisterAndLoginAsync("Live");
        var (refreshed, _, refreshedTokens) = await harness.RegisterAndLoginAsync("Fresh");
        var (leaver, _, leaverTokens) = await harness.RegisterAndLoginAsync("Leaver");
        var (cheat, _, cheatTokens) = await harness.RegisterAndLoginAsync("Cheat");
        var liveKey = new SessionKey(live.Id, await SessionOf(liveTokens));
        var refreshedKey = new SessionKey(refreshed.Id, await SessionOf(refreshedTokens));
        var leaverKey = new SessionKey(leaver.Id, await SessionOf(leaverTokens));
        var cheatKey = new SessionKey(cheat.Id, await SessionOf(cheatTokens));
        Assert.True((await harness.Accounts.RefreshAsync(refreshedTokens.RefreshToken, null)).Ok);
        Assert.True((await harness.Accounts.LogoutAsync(leaver.Id, leaverKey.SessionId, null)).Ok);
        var until = harness.Clock.GetUtcNow().AddDays(1);
        Assert.True((await harness.Moderation.BanAsync(admin.Id, admin.Username, cheat.Username, until, "speed hacking", null)).Ok);

        var ended = await harness.Accounts.FindEndedSessionsAsync([liveKey, refreshedKey, leaverKey, cheatKey, leaverKey]);

        Assert.Equal(2, ended.Count);
        var loggedOut = Assert.Single(ended, e => e.Session == leaverKey);
        Assert.False(loggedOut.Banned);
        Assert.Null(loggedOut.BanReason);
        var banned = Assert.Single(ended, e => e.Session == cheatKey);
        Assert.True(banned.Banned);
        Assert.Equal("speed hacking", banned.BanReason);
        Assert.Equal(until, banned.BannedUntil!.Value, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task FindEndedSessionsAsync_NamesASessionPairedWithAnotherAccount_AnUnknownOne_AndOneThatExpired()
    {
        var (owner, _, ownerTokens) = await harness.RegisterAndLoginAsync("Owner");
        var (other, _, _) = await harness.RegisterAndLoginAsync("Other");
        var session = await SessionOf(ownerTokens);
        var borrowed = new SessionKey(other.Id, session);
        var madeUp = new SessionKey(owner.Id, Guid.NewGuid());
        var own = new SessionKey(owner.Id, session);

        var before = await harness.Accounts.FindEndedSessionsAsync([own, borrowed, madeUp]);
        harness.Clock.Advance(harness.Options.RefreshTokenLifetime + TimeSpan.FromMinutes(1));
        var after = await harness.Accounts.FindEndedSessionsAsync([own]);

        Assert.Equal(2, before.Count);
        Assert.Contains(before, e => e.Session == borrowed);
        Assert.Contains(before, e => e.Session == madeUp);
        Assert.All(before, e => Assert.False(e.Banned));
        Assert.Equal(own, Assert.Single(after).Session);
    }

    [Fact]
    public async Task FindEndedSessionsAsync_OfNoSessions_AsksNothing_AndOfTooManyIsRefused()
    {
        Assert.Empty(await harness.Accounts.FindEndedSessionsAsync([]));
        var tooMany = Enumerable.Range(0, AccountService.MaxSessionsPerCheck + 1).Select(_ => new SessionKey(Guid.NewGuid(), Guid.NewGuid())).ToArray();
        var refused = await Assert.ThrowsAsync<ArgumentException>(() => harness.Accounts.FindEndedSessionsAsync(tooMany));
        Assert.Contains($"at most {AccountService.MaxSessionsPerCheck}", refused.Message, StringComparison.Ordinal);
    }

    private async Task<Guid> SessionOf(TokenPair tokens) =>
        Guid.Parse((string)(await harness.Tokens.ValidateAccessTokenAsync(tokens.AccessToken)).Claims[AccountClaims.SessionId]);
}
