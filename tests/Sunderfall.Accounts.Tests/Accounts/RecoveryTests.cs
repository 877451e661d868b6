using OtpNet;
using Sunderfall.Accounts.Accounts;
using Sunderfall.Accounts.Audit;
using Sunderfall.Accounts.Recovery;
using Sunderfall.Accounts.Tests.Database;
using Xunit;

namespace Sunderfall.Accounts.Tests.Accounts;

[Collection(PostgresCollectionDefinition.Name)]
public sealed class RecoveryTests(PostgresDatabase database) : IAsyncLifetime
{
    private const string NewPassword = "Brand-New-Horse-77";

    private AccountsHarness harness = null!;

    public async Task InitializeAsync() => harness = await AccountsHarness.StartAsync(database);

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task RequestRecoveryAsync_ForUnknownAndKnownAccounts_AnswersIdentically_AndSendsOnlyToTheKnownOne()
    {
        var (account, _) = await harness.RegisterAsync("Olaf");

        var byName = await harness.Recovery.RequestRecoveryAsync(account.Username, null);
        var byEmail = await harness.Recovery.RequestRecoveryAsync(account.Email.ToUpperInvariant(), null);
        var unknownName = await harness.Recovery.RequestRecoveryAsync(AccountsHarness.UniqueName("Ghost"), null);
        var unknownEmail = await harness.Recovery.RequestRecoveryAsync("nobody-here@example.com", null);

        Assert.All([byEmail, unknownName, unknownEmail], other => Assert.Equal(byName, other));
        Assert.True(byName.Ok);
        Assert.Null(byName.Account);
        Assert.Equal(AccountRecovery.RecoveryRequestedMessage, byName.Message);
        await harness.RecoveryCodes.WaitForCodeAsync(account.Id, count: 2);
        var sent = harness.RecoveryCodes.Sent;
        Assert.Equal(2, sent.Count);
        Assert.All(sent, s => Assert.Equal(account.Email, s.Account.Email));
        Assert.All(sent, s => Assert.Matches("^[0-9]{8}$", s.Code));
        Assert.NotEqual(sent[0].Code, sent[1].Code);
    }

    [Fact]
    public async Task RequestRecoveryAsync_WithSomethingThatIsNeitherNameNorAddress_SaysWhatIsAllowed()
    {
        var result = await harness.Recovery.RequestRecoveryAsync("not an address", null);

        Assert.Equal(AuthErrorCode.InvalidArgument, result.Code);
        Assert.Contains("username or email address", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompleteRecoveryAsync_WithTheRightCode_SetsThePassword_EndsEverySession_AndClearsTheLockout()
    {
        var (account, oldPassword, tokens) = await harness.RegisterAndLoginAsync("Pia");
        var other = (await harness.Accounts.LoginAsync(account.Username, oldPassword, null)).Tokens!;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await harness.Accounts.LoginAsync(account.Username, "Wrong-Horse-42", null);
        }

        Assert.Equal(AuthErrorCode.LockedOut, (await harness.Accounts.LoginAsync(account.Username, oldPassword, null)).Code);
        await harness.Recovery.RequestRecoveryAsync(account.Email, null);
        var code = await harness.RecoveryCodes.WaitForCodeAsync(account.Id);

        var recovered = await harness.Recovery.CompleteRecoveryAsync(account.Username, code, NewPassword, "10.3.3.3");

        Assert.True(recovered.Ok, recovered.Message);
        Assert.Equal(AuthErrorCode.TokenInvalid, (await harness.Accounts.RefreshAsync(tokens.RefreshToken, null)).Code);
        Assert.Equal(AuthErrorCode.TokenInvalid, (await harness.Accounts.RefreshAsync(other.RefreshToken, null)).Code);
        Assert.Equal(AuthErrorCode.InvalidCredentials, (await harness.Accounts.LoginAsync(account.Username, oldPassword, null)).Code);
        var login = await harness.Accounts.LoginAsync(account.Username, NewPassword, null);
        Assert.True(login.Ok, login.Message);
    }

    [Fact]
    public async Task CompleteRecoveryAsync_UsesTheCodeUp()
    {
        var (account, _) = await harness.RegisterAsync("Quill");
        var code = await RequestCodeAsync(account);

        Assert.True((await harness.Recovery.CompleteRecoveryAsync(account.Username, code, NewPassword, null)).Ok);
        var again = await harness.Recovery.CompleteRecoveryAsync(account.Username, code, "Another-Horse-88", null);

        Assert.Equal(AuthErrorCode.InvalidRecoveryCode, again.Code);
        Assert.True((await harness.Accounts.LoginAsync(account.Username, NewPassword, null)).Ok);
    }

    [Fact]
    public async Task CompleteRecoveryAsync_WithAWrongCode_OrForAnUnknownName_IsRefusedTheSameWay()
    {
        var (account, password) = await harness.RegisterAsync("Rhea");
        var code = await RequestCodeAsync(account);

        var wrong = await harness.Recovery.CompleteRecoveryAsync(account.Username, OtherCode(code), NewPassword, null);
        var unknown = await harness.Recovery.CompleteRecoveryAsync(AccountsHarness.UniqueName("Ghost"), code, NewPassword, null);

        Assert.Equal(AuthErrorCode.InvalidRecoveryCode, wrong.Code);
        Assert.Equal(wrong, unknown);
        Assert.True((await harness.Accounts.LoginAsync(account.Username, password, null)).Ok);
    }

    [Fact]
    public async Task CompleteRecoveryAsync_AfterTheCodeExpired_IsRefused()
    {
        var (account, password) = await harness.RegisterAsync("Sage");
        var code = await RequestCodeAsync(account);

        harness.Clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        var result = await harness.Recovery.CompleteRecoveryAsync(account.Username, code, NewPassword, null);

        Assert.Equal(AuthErrorCode.InvalidRecoveryCode, result.Code);
        Assert.True((await harness.Accounts.LoginAsync(account.Username, password, null)).Ok);
    }

    [Fact]
    public async Task CompleteRecoveryAsync_JustBeforeTheCodeExpires_Works()
    {
        var (account, _) = await harness.RegisterAsync("Tamsin");
        var code = await RequestCodeAsync(account);

        harness.Clock.Advance(TimeSpan.FromMinutes(14.5));

        Assert.True((await harness.Recovery.CompleteRecoveryAsync(account.Username, code, NewPassword, null)).Ok);
    }

    [Fact]
    public async Task CompleteRecoveryAsync_AfterFiveWrongCodes_RefusesEvenTheRightOne()
    {
        var (account, _) = await harness.RegisterAsync("Ulla");
        var code = await RequestCodeAsync(account);

        for (var attempt = 0; attempt < 5; attempt++)
        {
            Assert.Equal(AuthErrorCode.InvalidRecoveryCode, (await harness.Recovery.CompleteRecoveryAsync(account.Username, OtherCode(code), NewPassword, null)).Code);
        }

        var right = await harness.Recovery.CompleteRecoveryAsync(account.Username, code, NewPassword, null);

        Assert.Equal(AuthErrorCode.InvalidRecoveryCode, right.Code);
    }

    [Fact]
    public async Task RequestRecoveryAsync_SendsAtMostThreeCodesWithinACodesLifetime()
    {
        var (account, _) = await harness.RegisterAsync("Vale");

        for (var request = 0; request < 5; request++)
        {
            Assert.Equal(AccountRecovery.RecoveryRequestedMessage, (await harness.Recovery.RequestRecoveryAsync(account.Username, null)).Message);
        }

        await harness.Audit.FlushAsync();
        var requests = (await harness.Audit.QueryAsync(account.Id, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(1), 100))
            .Where(e => e.Action == AuditActions.RecoveryRequested)
            .ToList();
        Assert.Equal(3, requests.Count(e => e.Details!.Contains("code sent", StringComparison.Ordinal)));
        Assert.Equal(2, requests.Count(e => e.Details!.Contains("not sent", StringComparison.Ordinal)));
        await harness.RecoveryCodes.WaitForCodeAsync(account.Id, count: 3);
        Assert.True((await harness.Recovery.CompleteRecoveryAsync(account.Username, harness.RecoveryCodes.SentTo(account.Id)[0], NewPassword, null)).Ok);

        harness.Clock.Advance(TimeSpan.FromMinutes(16));
        var fresh = await RequestCodeAsync(account);

        Assert.Equal(4, harness.RecoveryCodes.SentTo(account.Id).Count);
        Assert.True((await harness.Recovery.CompleteRecoveryAsync(account.Username, fresh, "Another-Horse-88", null)).Ok);
    }

    [Fact]
    public async Task CompleteRecoveryAsync_WithAWeakPassword_SaysWhatIsAllowed_AndKeepsTheCode()
    {
        var (account, _) = await harness.RegisterAsync("Wren");
        var code = await RequestCodeAsync(account);

        var weak = await harness.Recovery.CompleteRecoveryAsync(account.Username, code, "short", null);

        Assert.Equal(AuthErrorCode.InvalidArgument, weak.Code);
        Assert.StartsWith(PasswordPolicy.Rule, weak.Message, StringComparison.Ordinal);
        Assert.True((await harness.Recovery.CompleteRecoveryAsync(account.Username, code, NewPassword, null)).Ok);
    }

    [Fact]
    public async Task CompleteRecoveryAsync_LeavesMfaOn()
    {
        var (account, _) = await harness.RegisterAsync("Xena");
        var secret = Base32Encoding.ToBytes((await harness.Mfa.BeginMfaEnrolmentAsync(account.Id, null)).MfaEnrolment!.Secret);
        Assert.True((await harness.Mfa.ConfirmMfaAsync(account.Id, new Totp(secret).ComputeTotp(harness.Clock.GetUtcNow().UtcDateTime), null)).Ok);

        Assert.True((await harness.Recovery.CompleteRecoveryAsync(account.Username, await RequestCodeAsync(account), NewPassword, null)).Ok);

        Assert.Equal(AuthErrorCode.MfaRequired, (await harness.Accounts.LoginAsync(account.Username, NewPassword, null)).Code);
    }

    [Fact]
    public async Task RequestRecoveryAsync_WhenTheSenderFails_AnswersTheSame()
    {
        await using var failing = await AccountsHarness.StartAsync(database, sender: new FailingSender());
        var (account, _) = await failing.RegisterAsync("Yara");

        var result = await failing.Recovery.RequestRecoveryAsync(account.Username, null);

        Assert.True(result.Ok);
        Assert.Equal(AccountRecovery.RecoveryRequestedMessage, result.Message);
    }

    [Fact]
    public async Task RecoveryActions_ReachTheAuditLog_WithoutTheCodeOrPasswords()
    {
        var (account, password) = await harness.RegisterAsync("Zeno");
        var code = await RequestCodeAsync(account);
        var wrong = OtherCode(code);
        await harness.Recovery.CompleteRecoveryAsync(account.Username, wrong, NewPassword, null);
        await harness.Recovery.CompleteRecoveryAsync(account.Username, code, NewPassword, "10.4.4.4");

        await harness.Audit.FlushAsync();
        var entries = await harness.Audit.QueryAsync(account.Id, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(1), 100);

        Assert.Equal(
            [AuditActions.AccountRegistered, AuditActions.RecoveryRequested, AuditActions.RecoveryFailed, AuditActions.AccountRecovered],
            entries.OrderBy(e => e.Id).Select(e => e.Action));
        Assert.Equal("10.4.4.4", entries.Single(e => e.Action == AuditActions.AccountRecovered).Ip);
        var everything = string.Join('\n', entries.Select(e => $"{e.Target} {e.Details}"));
        Assert.All([code, wrong, password, NewPassword], s => Assert.DoesNotContain(s, everything, StringComparison.Ordinal));
    }

    private async Task<string> RequestCodeAsync(AccountInfo account)
    {
        var before = harness.RecoveryCodes.SentTo(account.Id).Count;
        Assert.True((await harness.Recovery.RequestRecoveryAsync(account.Username, null)).Ok);
        return await harness.RecoveryCodes.WaitForCodeAsync(account.Id, before + 1);
    }

    // A well-formed code that is not this one.
    private static string OtherCode(string code) => string.Concat(code.Select(c => (char)('0' + ((c - '0' + 1) % 10))));

    private sealed class FailingSender : IRecoveryCodeSender
    {
        public Task SendAsync(AccountInfo account, string code, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("the mail server is down");
    }
}
