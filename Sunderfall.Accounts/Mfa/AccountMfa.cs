using System.Globalization;
using Sunderfall.Accounts.Audit;
using Microsoft.Extensions.Options;
using Npgsql;
using Sunderfall.Accounts.Accounts;

namespace Sunderfall.Accounts.Mfa;

/// <summary>
/// Two-step sign-in: enrol an authenticator (TOTP), confirm it to turn MFA on and get recovery codes, turn it off, and
/// the second-factor check behind <see cref="AccountService"/>'s login.
/// </summary>
public sealed class AccountMfa(NpgsqlDataSource dataSource, AuditLog audit, TimeProvider time, IOptions<AuthOptions> authOptions, TotpSecretProtector totpSecrets)
{
    private readonly AuthOptions options = authOptions.Value;

    private const string SecondFactorTotp = "totp";
    private const string SecondFactorRecoveryCode = "recovery_code";

    private const string InvalidMfaCodeMessage =
        "the code is wrong, too old or already used: enter the current 6-digit code from your authenticator app " +
        "(each code works once) or an unused recovery code";

    /// <summary>
    /// Makes a new authenticator secret for the account and keeps it waiting until <see cref="ConfirmMfaAsync"/>
    /// proves the owner's app has it; a second call replaces the waiting secret. The answer's
    /// <see cref="AuthResult.MfaEnrolment"/> holds the secret (base32) and its otpauth:// URI, for the owner only.
    /// Refused with <see cref="AuthErrorCode.MfaAlreadyEnabled"/> while MFA is on.
    /// </summary>
    public async Task<AuthResult> BeginMfaEnrolmentAsync(Guid accountId, string? ip, CancellationToken cancellationToken = default)
    {
        var (account, refusal) = await FindForMfaAsync(accountId, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var secret = TotpCodes.NewSecret();
        if (account!.MfaEnabled || !await MfaStore.SetPendingSecretAsync(dataSource, accountId, totpSecrets.Protect(accountId, secret), cancellationToken))
        {
            return MfaAlreadyOn();
        }

        var info = account.Info;
        audit.Append(new AuditEvent(AuditActions.MfaEnrolmentStarted, info.Id, info.Username, info.Username, AccountAnswers.Ip(ip)));
        return AuthResult.Success(info) with
        {
            MfaEnrolment = new MfaEnrolment(TotpCodes.ToBase32(secret), TotpCodes.OtpAuthUri(secret, info.Username)),
        };
    }

    /// <summary>
    /// Turns two-step sign-in on when <paramref name="code"/> is a current code from the secret that
    /// <see cref="BeginMfaEnrolmentAsync"/> handed out, and answers <see cref="MfaRecoveryCodes.Count"/> new one-time
    /// recovery codes in <see cref="AuthResult.RecoveryCodes"/>: shown this once, only their hashes are kept.
    /// </summary>
    public async Task<AuthResult> ConfirmMfaAsync(Guid accountId, string code, string? ip, CancellationToken cancellationToken = default)
    {
        var (account, refusal) = await FindForMfaAsync(accountId, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (account!.MfaEnabled)
        {
            return MfaAlreadyOn();
        }

        if (account.MfaPendingSecret is not { } storedPending)
        {
            return AuthResult.Fail(AuthErrorCode.MfaNotEnabled, "no authenticator is waiting to be confirmed: start with mfa/enrol");
        }

        var normalized = code is { Length: <= MfaCode.MaxLength } ? MfaCode.Normalize(code) : "";
        if (!TotpCodes.IsCodeShaped(normalized))
        {
            return AuthResult.Fail(AuthErrorCode.InvalidArgument, "code must be the 6-digit code your authenticator app shows for Sunderfall");
        }

        var now = AccountAnswers.Now(time);
        if (TotpCodes.MatchStep(totpSecrets.Unprotect(accountId, storedPending), normalized, now) is not { } step)
        {
            return AuthResult.Fail(AuthErrorCode.InvalidMfaCode,
                "the code does not match the new secret: check that the app's clock is right and enter the code it shows now");
        }

        var codes = MfaRecoveryCodes.NewCodes();
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            if (!await MfaStore.EnableAsync(connection, accountId, storedPending, step, cancellationToken))
            {
                return AuthResult.Fail(AuthErrorCode.MfaNotEnabled,
                    "the enrolment changed meanwhile (enrolled again elsewhere, or already confirmed): start again with mfa/enrol");
            }

            await MfaStore.DeleteRecoveryCodesAsync(connection, accountId, cancellationToken);
            await MfaStore.InsertRecoveryCodesAsync(connection, accountId, codes.Select(c => OneTimeCodeHash.New(MfaCode.Normalize(c))), now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        var info = account.Info with { MfaEnabled = true };
        audit.Append(new AuditEvent(AuditActions.MfaEnabled, info.Id, info.Username, info.Username, AccountAnswers.Ip(ip),
            new Dictionary<string, string> { ["recovery_codes"] = codes.Count.ToString(CultureInfo.InvariantCulture) }));
        return AuthResult.Success(info) with { RecoveryCodes = codes };
    }

    /// <summary>
    /// Turns two-step sign-in off: forgets the secret and the recovery codes. Needs a current authenticator code or an
    /// unused recovery code; a wrong one counts toward the login lockout, and a locked account is refused.
    /// </summary>
    public async Task<AuthResult> DisableMfaAsync(Guid accountId, string code, string? ip, CancellationToken cancellationToken = default)
    {
        var (account, refusal) = await FindForMfaAsync(accountId, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (code is null or { Length: 0 or > MfaCode.MaxLength })
        {
            return AuthResult.Fail(AuthErrorCode.InvalidArgument, $"code must be {MfaCode.Rule}");
        }

        if (!account!.MfaEnabled)
        {
            return AuthResult.Fail(AuthErrorCode.MfaNotEnabled, "two-step sign-in is not on for this account");
        }

        var info = account.Info;
        ip = AccountAnswers.Ip(ip);
        var now = AccountAnswers.Now(time);
        if (account.IsLockedAt(now))
        {
            return AccountAnswers.LockedOut(account.LockedUntil!.Value - now);
        }

        var used = await UseSecondFactorAsync(account, code, now, ip, cancellationToken);
        if (used is null)
        {
            return await CountMfaFailureAsync(account, AuditActions.MfaDisableFailed, now, ip, cancellationToken);
        }

        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            await MfaStore.DisableAsync(connection, accountId, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        audit.Append(new AuditEvent(AuditActions.MfaDisabled, info.Id, info.Username, info.Username, ip,
            new Dictionary<string, string> { ["proved_with"] = used }));
        return AuthResult.Success(info with { MfaEnabled = false });
    }

    // After the right password for an account with MFA: null refusal and the kind of code used, or the refusal.
    internal async Task<(AuthResult? Refusal, string? Used)> CheckLoginSecondFactorAsync(
        AccountRecord account, string? mfaCode, DateTimeOffset now, string? ip, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(mfaCode))
        {
            return (AuthResult.Fail(AuthErrorCode.MfaRequired,
                $"this account uses two-step sign-in: log in again with mfaCode set to {MfaCode.Rule}"), null);
        }

        var used = await UseSecondFactorAsync(account, mfaCode, now, ip, cancellationToken);
        return used is null
            ? (await CountMfaFailureAsync(account, AuditActions.LoginMfaFailed, now, ip, cancellationToken), null)
            : (null, used);
    }

    // Checks an authenticator code (refusing its time step if it or a later one was used) or uses up a recovery code.
    // Returns which kind of code it was, or null when it does not count.
    private async Task<string?> UseSecondFactorAsync(
        AccountRecord account, string code, DateTimeOffset now, string? ip, CancellationToken cancellationToken)
    {
        var normalized = MfaCode.Normalize(code);
        var info = account.Info;
        if (TotpCodes.IsCodeShaped(normalized))
        {
            return account.MfaSecret is { } secret
                && TotpCodes.MatchStep(totpSecrets.Unprotect(info.Id, secret), normalized, now) is { } step
                && await MfaStore.TryUseStepAsync(dataSource, info.Id, step, cancellationToken)
                ? SecondFactorTotp
                : null;
        }

        if (!MfaRecoveryCodes.IsCodeShaped(normalized))
        {
            return null;
        }

        var unused = await MfaStore.UnusedRecoveryCodesAsync(dataSource, info.Id, cancellationToken);
        foreach (var (id, salt, hash) in unused)
        {
            if (OneTimeCodeHash.Matches(salt, hash, normalized) && await MfaStore.TryUseRecoveryCodeAsync(dataSource, id, now, cancellationToken))
            {
                audit.Append(new AuditEvent(AuditActions.MfaRecoveryCodeUsed, info.Id, info.Username, info.Username, ip,
                    new Dictionary<string, string> { ["remaining"] = (unused.Count - 1).ToString(CultureInfo.InvariantCulture) }));
                return SecondFactorRecoveryCode;
            }
        }

        return null;
    }

    private async Task<AuthResult> CountMfaFailureAsync(
        AccountRecord account, string action, DateTimeOffset now, string? ip, CancellationToken cancellationToken)
    {
        var info = account.Info;
        var lockedUntil = await AccountStore.RecordFailedLoginAsync(dataSource, info.Id, options.MaxFailedLogins, now + options.LockoutDuration, cancellationToken);
        audit.Append(new AuditEvent(action, info.Id, info.Username, info.Username, ip));
        if (lockedUntil is { } until)
        {
            audit.Append(new AuditEvent(AuditActions.LoginLocked, info.Id, info.Username, info.Username, ip,
                new Dictionary<string, string> { ["until"] = until.ToString("O"), ["failures"] = options.MaxFailedLogins.ToString(CultureInfo.InvariantCulture) }));
            return AccountAnswers.LockedOut(until - now);
        }

        return AuthResult.Fail(AuthErrorCode.InvalidMfaCode, InvalidMfaCodeMessage);
    }

    private async Task<(AccountRecord? Account, AuthResult? Refusal)> FindForMfaAsync(Guid accountId, CancellationToken cancellationToken)
    {
        if (accountId == Guid.Empty)
        {
            return (null, AuthResult.Fail(AuthErrorCode.InvalidArgument, "account id must not be empty"));
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var account = await AccountStore.FindByIdAsync(connection, accountId, cancellationToken);
        return account is null ? (null, AuthResult.Fail(AuthErrorCode.NotFound, "no such account")) : (account, null);
    }

    private static AuthResult MfaAlreadyOn() => AuthResult.Fail(AuthErrorCode.MfaAlreadyEnabled,
        "two-step sign-in is already on: turn it off with mfa/disable before enrolling another authenticator");
}
