using Sunderfall.Accounts.Accounts;
using Sunderfall.Accounts.Tests.Database;
using Xunit;

namespace Sunderfall.Accounts.Tests.Accounts;

[Collection(PostgresCollectionDefinition.Name)]
public sealed class LoginTests(PostgresDatabase database) : IAsyncLifetime
{
    private AccountsHarness harness = null!;

    public async Task InitializeAsync() => harness = await AccountsHarness.StartAsync(database);

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task LoginAsync_WithAWrongPasswordOrAnUnknownUser_GivesTheSameAnswer()
    {
        var (account, _) = await harness.RegisterAsync("Hale");

        var wrongPassword = await harness.Accounts.LoginAsync(account.Username, "Wrong-Horse-42", null);
        var unknownUser = await harness.Accounts.LoginAsync(AccountsHarness.UniqueName("Nobody"), "Wrong-Horse-42", null);

        Assert.Equal(AuthErrorCode.InvalidCredentials, wrongPassword.Code);
        Assert.Equal(wrongPassword.Code, unknownUser.Code);
        Assert.Equal(wrongPassword.Message, unknownUser.Message);
        Assert.Null(wrongPassword.Account);
        Assert.Null(unknownUser.Account);
    }

    [Fact]
    public async Task LoginAsync_AfterFiveFailures_IsLockedOut_EvenWithTheRightPassword_UntilTheLockEnds()
    {
        var (account, password) = await harness.RegisterAsync("Iona");

        for (var attempt = 1; attempt < 5; attempt++)
        {
            Assert.Equal(AuthErrorCode.InvalidCredentials, (await harness.Accounts.LoginAsync(account.Username, "Wrong-Horse-42", null)).Code);
        }

        var fifth = await harness.Accounts.LoginAsync(account.Username, "Wrong-Horse-42", null);
        Assert.Equal(AuthErrorCode.LockedOut, fifth.Code);

        harness.Clock.Advance(TimeSpan.FromSeconds(30));
        var right = await harness.Accounts.LoginAsync(account.Username, password, null);
        Assert.Equal(AuthErrorCode.LockedOut, right.Code);
        Assert.Null(right.Tokens);
        Assert.InRange(right.RetryAfter!.Value, TimeSpan.FromMinutes(4.4), TimeSpan.FromMinutes(4.6));
        Assert.Contains("try again in 5 min", right.Message, StringComparison.Ordinal);

        harness.Clock.Advance(TimeSpan.FromMinutes(4.5));
        var afterLock = await harness.Accounts.LoginAsync(account.Username, password, null);
        Assert.True(afterLock.Ok, afterLock.Message);
    }

    [Fact]
    public async Task LoginAsync_Succeeding_StartsTheFailureCountAgain()
    {
        var (account, password) = await harness.RegisterAsync("Jory");

        for (var attempt = 0; attempt < 4; attempt++)
        {
            await harness.Accounts.LoginAsync(account.Username, "Wrong-Horse-42", null);
        }

        Assert.True((await harness.Accounts.LoginAsync(account.Username, password, null)).Ok);
        for (var attempt = 0; attempt < 4; attempt++)
        {
            Assert.Equal(AuthErrorCode.InvalidCredentials, (await harness.Accounts.LoginAsync(account.Username, "Wrong-Horse-42", null)).Code);
        }
    }

    [Fact]
    public async Task LoginAsync_StartsANewSessionEachTime()
    {
        var (account, password, first) = await harness.RegisterAndLoginAsync("Kell");

        var second = await harness.Accounts.LoginAsync(account.Username, password, null);

        var firstSession = (await harness.Tokens.ValidateAccessTokenAsync(first.AccessToken)).Claims["sid"];
        var secondSession = (await harness.Tokens.ValidateAccessTokenAsync(second.Tokens!.AccessToken)).Claims["sid"];
        Assert.NotEqual(firstSession, secondSession);
    }

    [Theory]
    [InlineData("", "Correct-Horse-42", "username must be")]
    [InlineData("Lark_ok", "", "password must be 1-128 characters")]
    public async Task LoginAsync_WithAnEmptyNameOrPassword_SaysWhatIsAllowed(string username, string password, string expected)
    {
        var result = await harness.Accounts.LoginAsync(username, password, null);

        Assert.Equal(AuthErrorCode.InvalidArgument, result.Code);
        Assert.StartsWith(expected, result.Message, StringComparison.Ordinal);
    }
}
