using OtpNet;
using Sunderfall.Accounts.Accounts;
using Sunderfall.Accounts.Audit;
using Sunderfall.Accounts.Tests.Database;
using Xunit;

namespace Sunderfall.Accounts.Tests.Accounts;

[Collection(PostgresCollectionDefinition.Name)]
public sealed class MfaTests(PostgresDatabase database) : IAsyncLifetime
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    private AccountsHarness harness = null!;

    public async Task InitializeAsync() => harness = await AccountsHarness.StartAsync(database);

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task BeginMfaEnrolmentAsync_GivesASecretAndAnOtpauthUriForTheAccount()
    {
        var (account, _) = await harness.RegisterAsync("Ada");

        var enrolment = (await harness.Mfa.BeginMfaEnrolmentAsync(account.Id, null)).MfaEnrolment!;

        Assert.Equal(20, Base32Encoding.ToBytes(enrolment.Secret).Length);
        Assert.StartsWith($"otpauth://totp/Sunderfall:{account.Username}?secret={enrolment.Secret}&issuer=Sunderfall", enrolment.OtpAuthUri, StringComparison.Ordinal);
        Assert.Contains("digits=6", enrolment.OtpAuthUri, StringComparison.Ordinal);
        Assert.Contains("period=30", enrolment.OtpAuthUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoginAsync_OnceMfaIsOn_NeedsTheCurrentCode()
    {
        var (account, password, secret, _) = await EnableMfaAsync("Bram");

        var withoutCode = await harness.Accounts.LoginAsync(account.Username, password, null);
        var wrongCode = await harness.Accounts.LoginAsync(account.Username, password, null, WrongCode(secret));
        var rightCode = await harness.Accounts.LoginAsync(account.Username, password, null, NextCode(secret));

        Assert.Equal(AuthErrorCode.MfaRequired, withoutCode.Code);
        Assert.Contains("mfaCode", withoutCode.Message, StringComparison.Ordinal);
        Assert.Null(withoutCode.Tokens);
        Assert.Equal(AuthErrorCode.InvalidMfaCode, wrongCode.Code);
        Assert.Null(wrongCode.Tokens);
        Assert.True(rightCode.Ok, rightCode.Message);
        Assert.NotNull(rightCode.Tokens);
        Assert.True(rightCode.Account!.MfaEnabled);
    }

    [Fact]
    public async Task LoginAsync_WithAWrongPassword_SaysInvalidCredentials_EvenWithTheRightCode()
    {
        var (account, _, secret, _) = await EnableMfaAsync("Cato");

        var result = await harness.Accounts.LoginAsync(account.Username, "Wrong-Horse-42", null, NextCode(secret));

        Assert.Equal(AuthErrorCode.InvalidCredentials, result.Code);
    }

    [Fact]
    public async Task LoginAsync_WithACodeAlreadyUsed_IsRefused_AndTheNextStepsCodeWorks()
    {
        var (account, password, secret, _) = await EnableMfaAsync("Dara");
        var code = NextCode(secret);

        var first = await harness.Accounts.LoginAsync(account.Username, password, null, code);
        var replay = await harness.Accounts.LoginAsync(account.Username, password, null, code);
        var next = await harness.Accounts.LoginAsync(account.Username, password, null, NextCode(secret));

        Assert.True(first.Ok, first.Message);
        Assert.Equal(AuthErrorCode.InvalidMfaCode, replay.Code);
        Assert.True(next.Ok, next.Message);
    }

    [Fact]
    public async Task LoginAsync_AcceptsTheCodeOfTheStepBefore_ButNotOlder()
    {
        var (account, password, secret, _) = await EnableMfaAsync("Edda");
        harness.Clock.Advance(Step * 4);
        var previousStep = CodeAt(secret, harness.Clock.GetUtcNow() - Step);
        var threeStepsAgo = CodeAt(secret, harness.Clock.GetUtcNow() - (Step * 3));

        // Three steps back lies outside the one step of drift allowed, whatever the clock's phase within a step.
        Assert.Equal(AuthErrorCode.InvalidMfaCode, (await harness.Accounts.LoginAsync(account.Username, password, null, threeStepsAgo)).Code);
        var drifted = await harness.Accounts.LoginAsync(account.Username, password, null, previousStep);
        Assert.True(drifted.Ok, drifted.Message);
    }

    [Fact]
    public async Task LoginAsync_WithARecoveryCode_WorksOnceForThatCode()
    {
        var (account, password, _, recoveryCodes) = await EnableMfaAsync("Finn");

        var first = await harness.Accounts.LoginAsync(account.Username, password, null, recoveryCodes[0]);
        var again = await harness.Accounts.LoginAsync(account.Username, password, null, recoveryCodes[0]);
        var typedLoosely = await harness.Accounts.LoginAsync(account.Username, password, null, recoveryCodes[1].Replace("-", " ", StringComparison.Ordinal).ToUpperInvariant());

        Assert.True(first.Ok, first.Message);
        Assert.Equal(AuthErrorCode.InvalidMfaCode, again.Code);
        Assert.True(typedLoosely.Ok, typedLoosely.Message);
    }

    [Fact]
    public async Task LoginAsync_WrongCodesCountTowardTheLockout_LikeWrongPasswords()
    {
        var (account, password, secret, _) = await EnableMfaAsync("Gale");

        await harness.Accounts.LoginAsync(account.Username, "Wrong-Horse-42", null);
        for (var attempt = 2; attempt < 5; attempt++)
        {
            Assert.Equal(AuthErrorCode.InvalidMfaCode, (await harness.Accounts.LoginAsync(account.Username, password, null, WrongCode(secret))).Code);
        }

        // A correct password without a code neither counts nor clears the failures.
        Assert.Equal(AuthErrorCode.MfaRequired, (await harness.Accounts.LoginAsync(account.Username, password, null)).Code);
        var fifth = await harness.Accounts.LoginAsync(account.Username, password, null, WrongCode(secret));
        var rightCode = await harness.Accounts.LoginAsync(account.Username, password, null, NextCode(secret));

        Assert.Equal(AuthErrorCode.LockedOut, fifth.Code);
        Assert.Equal(AuthErrorCode.LockedOut, rightCode.Code);
        Assert.Null(rightCode.Tokens);
    }

    [Fact]
    public async Task ConfirmMfaAsync_WithAWrongCode_LeavesMfaOff()
    {
        var (account, password) = await harness.RegisterAsync("Hugo");
        var secret = Base32Encoding.ToBytes((await harness.Mfa.BeginMfaEnrolmentAsync(account.Id, null)).MfaEnrolment!.Secret);

        var confirm = await harness.Mfa.ConfirmMfaAsync(account.Id, WrongCode(secret), null);

        Assert.Equal(AuthErrorCode.InvalidMfaCode, confirm.Code);
        Assert.Null(confirm.RecoveryCodes);
        Assert.True((await harness.Accounts.LoginAsync(account.Username, password, null)).Ok);
    }

    [Fact]
    public async Task ConfirmMfaAsync_WithoutAnEnrolment_IsRefused() =>
        Assert.Equal(AuthErrorCode.MfaNotEnabled, (await harness.Mfa.ConfirmMfaAsync((await harness.RegisterAsync("Ines")).Account.Id, "123456", null)).Code);

    [Fact]
    public async Task BeginMfaEnrolmentAsync_WhileMfaIsOn_IsRefused_AndKeepsTheSecret()
    {
        var (account, password, secret, _) = await EnableMfaAsync("Jude");

        var again = await harness.Mfa.BeginMfaEnrolmentAsync(account.Id, null);

        Assert.Equal(AuthErrorCode.MfaAlreadyEnabled, again.Code);
        Assert.Null(again.MfaEnrolment);
        Assert.True((await harness.Accounts.LoginAsync(account.Username, password, null, NextCode(secret))).Ok);
    }

    [Fact]
    public async Task ConfirmMfaAsync_GivesTenDistinctRecoveryCodes_AndEnrollingAgainBeforeConfirmingReplacesTheSecret()
    {
        var (account, _) = await harness.RegisterAsync("Kira");
        var stale = Base32Encoding.ToBytes((await harness.Mfa.BeginMfaEnrolmentAsync(account.Id, null)).MfaEnrolment!.Secret);
        var fresh = Base32Encoding.ToBytes((await harness.Mfa.BeginMfaEnrolmentAsync(account.Id, null)).MfaEnrolment!.Secret);

        Assert.Equal(AuthErrorCode.InvalidMfaCode, (await harness.Mfa.ConfirmMfaAsync(account.Id, CodeAt(stale, harness.Clock.GetUtcNow()), null)).Code);
        var confirmed = await harness.Mfa.ConfirmMfaAsync(account.Id, CodeAt(fresh, harness.Clock.GetUtcNow()), null);

        Assert.True(confirmed.Ok, confirmed.Message);
        Assert.Equal(10, confirmed.RecoveryCodes!.Distinct().Count());
        Assert.All(confirmed.RecoveryCodes!, c => Assert.Matches("^[a-z2-9]{5}-[a-z2-9]{5}$", c));
    }

    [Fact]
    public async Task DisableMfaAsync_NeedsAValidCode_ThenLoginNeedsNoCode()
    {
        var (account, password, secret, recoveryCodes) = await EnableMfaAsync("Lior");

        var wrong = await harness.Mfa.DisableMfaAsync(account.Id, WrongCode(secret), null);
        Assert.Equal(AuthErrorCode.InvalidMfaCode, wrong.Code);
        Assert.Equal(AuthErrorCode.MfaRequired, (await harness.Accounts.LoginAsync(account.Username, password, null)).Code);

        var disabled = await harness.Mfa.DisableMfaAsync(account.Id, NextCode(secret), null);

        Assert.True(disabled.Ok, disabled.Message);
        Assert.False(disabled.Account!.MfaEnabled);
        var login = await harness.Accounts.LoginAsync(account.Username, password, null);
        Assert.True(login.Ok, login.Message);
        Assert.False(login.Account!.MfaEnabled);
        Assert.Equal(AuthErrorCode.MfaNotEnabled, (await harness.Mfa.DisableMfaAsync(account.Id, recoveryCodes[0], null)).Code);
    }

    [Fact]
    public async Task DisableMfaAsync_AcceptsARecoveryCode_AndTheOldCodesDieWithIt()
    {
        var (account, password, _, recoveryCodes) = await EnableMfaAsync("Mael");

        Assert.True((await harness.Mfa.DisableMfaAsync(account.Id, recoveryCodes[3], null)).Ok);
        var (_, _, _, newCodes) = await EnableMfaAsync(account, password);

        Assert.Equal(AuthErrorCode.InvalidMfaCode, (await harness.Accounts.LoginAsync(account.Username, password, null, recoveryCodes[4])).Code);
        Assert.True((await harness.Accounts.LoginAsync(account.Username, password, null, newCodes[4])).Ok);
    }

    [Fact]
    public async Task MfaActions_ReachTheAuditLog_WithoutSecretsOrCodes()
    {
        var (account, password, secret, recoveryCodes) = await EnableMfaAsync("Nico");
        var usedCodes = new List<string>();
        var wrong = WrongCode(secret);
        await harness.Accounts.LoginAsync(account.Username, password, "10.2.2.2", wrong);
        var totp = NextCode(secret);
        usedCodes.Add(totp);
        await harness.Accounts.LoginAsync(account.Username, password, null, totp);
        await harness.Accounts.LoginAsync(account.Username, password, null, recoveryCodes[0]);
        var disableCode = NextCode(secret);
        usedCodes.Add(disableCode);
        await harness.Mfa.DisableMfaAsync(account.Id, disableCode, null);

        await harness.Audit.FlushAsync();
        var entries = await harness.Audit.QueryAsync(account.Id, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(1), 100);

        var actions = entries.OrderBy(e => e.Id).Select(e => e.Action).ToList();
        Assert.Equal(
            [
                AuditActions.AccountRegistered, AuditActions.MfaEnrolmentStarted, AuditActions.MfaEnabled, AuditActions.LoginMfaFailed,
                AuditActions.LoginSucceeded, AuditActions.MfaRecoveryCodeUsed, AuditActions.LoginSucceeded, AuditActions.MfaDisabled,
            ],
            actions);
        Assert.Equal("10.2.2.2", entries.Single(e => e.Action == AuditActions.LoginMfaFailed).Ip);
        Assert.Contains("\"remaining\": \"9\"", entries.Single(e => e.Action == AuditActions.MfaRecoveryCodeUsed).Details, StringComparison.Ordinal);
        var everything = string.Join('\n', entries.Select(e => $"{e.Target} {e.Details}"));
        string[] secrets = [Base32Encoding.ToString(secret).TrimEnd('='), password, wrong, .. usedCodes, .. recoveryCodes, .. recoveryCodes.Select(c => c.Replace("-", "", StringComparison.Ordinal))];
        Assert.All(secrets, s => Assert.DoesNotContain(s, everything, StringComparison.OrdinalIgnoreCase));
    }

    private async Task<(AccountInfo Account, string Password, byte[] Secret, IReadOnlyList<string> RecoveryCodes)> EnableMfaAsync(string prefix)
    {
        var (account, password) = await harness.RegisterAsync(prefix);
        return await EnableMfaAsync(account, password);
    }

    private async Task<(AccountInfo Account, string Password, byte[] Secret, IReadOnlyList<string> RecoveryCodes)> EnableMfaAsync(AccountInfo account, string password)
    {
        var enrolment = await harness.Mfa.BeginMfaEnrolmentAsync(account.Id, null);
        Assert.True(enrolment.Ok, enrolment.Message);
        var secret = Base32Encoding.ToBytes(enrolment.MfaEnrolment!.Secret);
        var confirmed = await harness.Mfa.ConfirmMfaAsync(account.Id, NextCode(secret), null);
        Assert.True(confirmed.Ok, confirmed.Message);
        return (account, password, secret, confirmed.RecoveryCodes!);
    }

    // Each accepted code uses up its time step, so the next code comes from the next step, as a user would wait for.
    private string NextCode(byte[] secret)
    {
        harness.Clock.Advance(Step);
        return CodeAt(secret, harness.Clock.GetUtcNow());
    }

    // A code of the right shape from ten minutes ahead: far outside the drift allowed.
    private string WrongCode(byte[] secret) => CodeAt(secret, harness.Clock.GetUtcNow().AddMinutes(10));

    private static string CodeAt(byte[] secret, DateTimeOffset at) => new Totp(secret).ComputeTotp(at.UtcDateTime);
}
