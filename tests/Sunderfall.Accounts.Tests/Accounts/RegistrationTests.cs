using Microsoft.AspNetCore.Identity;
using Sunderfall.Accounts.Accounts;
using Sunderfall.Accounts.Audit;
using Sunderfall.Accounts.Tests.Database;
using Sunderfall.Accounts.Tokens;
using Xunit;

namespace Sunderfall.Accounts.Tests.Accounts;

[Collection(PostgresCollectionDefinition.Name)]
public sealed class RegistrationTests(PostgresDatabase database) : IAsyncLifetime
{
    private AccountsHarness harness = null!;

    public async Task InitializeAsync() => harness = await AccountsHarness.StartAsync(database, o => o.BootstrapAdmins.Add("Keeper_boot"));

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task RegisterAsync_ThenLoginAsync_IssuesTokensForTheAccount()
    {
        var username = AccountsHarness.UniqueName("Aria");

        var registered = await harness.Accounts.RegisterAsync(username, $"{username}@example.com", "Correct-Horse-42", "10.0.0.7");
        var login = await harness.Accounts.LoginAsync(username.ToUpperInvariant(), "Correct-Horse-42", "10.0.0.7");

        Assert.True(registered.Ok, registered.Message);
        Assert.Equal([Roles.Player], registered.Account!.Roles);
        Assert.Null(registered.Tokens);
        Assert.True(login.Ok, login.Message);
        Assert.Equal(registered.Account.Id, login.Account!.Id);
        Assert.Equal(username, login.Account.Username);
        var access = await harness.Tokens.ValidateAccessTokenAsync(login.Tokens!.AccessToken);
        Assert.True(access.IsValid);
        Assert.Equal(registered.Account.Id.ToString(), access.Claims[AccountClaims.Subject]);
        var session = Guid.Parse((string)access.Claims[AccountClaims.SessionId]);
        Assert.True(await harness.Accounts.IsSessionActiveAsync(session));
        Assert.True(TokenService.IsWellFormedRefreshToken(login.Tokens.RefreshToken));
        Assert.InRange(login.Tokens.RefreshTokenExpiresAt - harness.Clock.GetUtcNow(), TimeSpan.FromDays(29.99), TimeSpan.FromDays(30));
    }

    [Fact]
    public async Task RegisterAndSignInAsync_StartsALiveSessionWhoseTokensWork_AndAuditsRegistrationThenSignIn()
    {
        var username = AccountsHarness.UniqueName("Wren");

        var signedIn = await harness.Accounts.RegisterAndSignInAsync(username, $"{username}@example.com", "Correct-Horse-42", "10.0.0.9");
        var refreshed = await harness.Accounts.RefreshAsync(signedIn.Tokens!.RefreshToken, "10.0.0.9");
        var laterLogin = await harness.Accounts.LoginAsync(username, "Correct-Horse-42", "10.0.0.9");

        Assert.True(signedIn.Ok, signedIn.Message);
        var access = await harness.Tokens.ValidateAccessTokenAsync(signedIn.Tokens.AccessToken);
        Assert.True(access.IsValid);
        Assert.Equal(signedIn.Account!.Id.ToString(), access.Claims[AccountClaims.Subject]);
        Assert.True(await harness.Accounts.IsSessionActiveAsync(Guid.Parse((string)access.Claims[AccountClaims.SessionId])));
        Assert.True(refreshed.Ok, refreshed.Message);
        Assert.True(laterLogin.Ok, "the stored hash must check the password: " + laterLogin.Message);
        await harness.Audit.FlushAsync();
        var entries = await harness.Audit.QueryAsync(signedIn.Account.Id, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(1), 100);
        var ordered = entries.OrderBy(e => e.Id).ToList();
        Assert.Equal([AuditActions.AccountRegistered, AuditActions.LoginSucceeded], ordered.Take(2).Select(e => e.Action));
        Assert.Contains("registration", ordered[1].Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegisterAndSignInAsync_WithATakenUsername_IsRefusedWithoutTokens()
    {
        var (first, _) = await harness.RegisterAsync("Yorrick");

        var second = await harness.Accounts.RegisterAndSignInAsync(first.Username, "other-" + first.Email, "Correct-Horse-42", null);

        Assert.Equal(AuthErrorCode.UsernameTaken, second.Code);
        Assert.Null(second.Tokens);
    }

    [Fact]
    public async Task RegisterAsync_WithAUsernameTakenInAnotherCase_IsRefused()
    {
        var (first, _) = await harness.RegisterAsync("Brann");

        var second = await harness.Accounts.RegisterAsync(first.Username.ToUpperInvariant(), "other-" + first.Email, "Correct-Horse-42", null);

        Assert.Equal(AuthErrorCode.UsernameTaken, second.Code);
        Assert.Contains("taken", second.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegisterAsync_WithAnEmailTakenInAnotherCase_IsRefused()
    {
        var (first, _) = await harness.RegisterAsync("Cael");

        var second = await harness.Accounts.RegisterAsync(AccountsHarness.UniqueName("Dara"), first.Email.ToUpperInvariant(), "Correct-Horse-42", null);

        Assert.Equal(AuthErrorCode.EmailTaken, second.Code);
    }

    [Fact]
    public async Task RegisterAsync_WithAWeakPassword_IsRefusedWithTheRule_AndCreatesNothing()
    {
        var username = AccountsHarness.UniqueName("Eryn");

        var result = await harness.Accounts.RegisterAsync(username, $"{username}@example.com", "password", null);

        Assert.Equal(AuthErrorCode.InvalidArgument, result.Code);
        Assert.StartsWith(PasswordPolicy.Rule, result.Message, StringComparison.Ordinal);
        Assert.Equal(AuthErrorCode.NotFound, (await harness.Moderation.FindAsync(username)).Code);
    }

    [Theory]
    [InlineData("x", "a@example.com", "username must be")]
    [InlineData("Fenn_ok", "not-an-address", "email must be")]
    public async Task RegisterAsync_WithABadNameOrEmail_SaysWhatIsAllowed(string username, string email, string expected)
    {
        var result = await harness.Accounts.RegisterAsync(username, email, "Correct-Horse-42", null);

        Assert.Equal(AuthErrorCode.InvalidArgument, result.Code);
        Assert.StartsWith(expected, result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegisterAsync_StoresOnlyAHash_ThatVerifiesWithPasswordHasher()
    {
        var (account, password) = await harness.RegisterAsync("Gale");

        await using var command = database.OwnerDataSource.CreateCommand("SELECT password_hash FROM accounts WHERE id = @id");
        command.Parameters.AddWithValue("id", account.Id);
        var stored = (string)(await command.ExecuteScalarAsync())!;

        Assert.DoesNotContain(password, stored, StringComparison.Ordinal);
        var hasher = new PasswordHasher<object>();
        Assert.Equal(PasswordVerificationResult.Success, hasher.VerifyHashedPassword(new object(), stored, password));
        Assert.Equal(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(new object(), stored, password + "x"));
    }

    [Fact]
    public async Task RegisterAsync_ForABootstrapAdmin_GrantsAdminAndPlayer()
    {
        var result = await harness.Accounts.RegisterAsync("keeper_BOOT", "keeper@example.com", "Correct-Horse-42", null);

        Assert.True(result.Ok, result.Message);
        Assert.Equal([Roles.Player, Roles.Admin], result.Account!.Roles);
    }
}
