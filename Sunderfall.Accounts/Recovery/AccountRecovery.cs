using System.Globalization;
using Microsoft.Extensions.Logging;
using Sunderfall.Accounts.Audit;
using Microsoft.Extensions.Options;
using Npgsql;
using Sunderfall.Accounts.Accounts;

namespace Sunderfall.Accounts.Recovery;

/// <summary>Account recovery: a one-time code sent to the owner through <see cref="IRecoveryCodeSender"/> sets a new password.</summary>
public sealed partial class AccountRecovery(
    NpgsqlDataSource dataSource, AuditLog audit, TimeProvider time, IOptions<AuthOptions> authOptions, AccountPasswordHasher hasher,
    IRecoveryCodeSender recoverySender, ILogger<AccountRecovery> logger)
{
    private readonly AuthOptions options = authOptions.Value;

    /// <summary>The one answer to every well-formed recovery request, so it does not tell which accounts exist.</summary>
    public const string RecoveryRequestedMessage =
        "if an account has that name or address, a recovery code is on its way to the account's address";

    /// <summary>The one answer for a wrong, expired or used-up recovery code and for an unknown username.</summary>
    public const string InvalidRecoveryCodeMessage =
        "the recovery code is wrong, expired, used up or has had too many wrong tries: request a new one";

    /// <summary>
    /// Sends a one-time recovery code (<see cref="RecoveryCodes.Digits"/> digits, valid for
    /// <see cref="AuthOptions.RecoveryCodeLifetime"/>) to the account with this username or email. The answer is the
    /// same whether or not such an account exists, and the code is sent in the background so the time taken does not
    /// tell either. At most <see cref="AuthOptions.MaxActiveRecoveryCodes"/> codes go to one account within a code's
    /// lifetime; further requests send nothing. Only a malformed name or address is refused.
    /// </summary>
    public async Task<AuthResult> RequestRecoveryAsync(string usernameOrEmail, string? ip, CancellationToken cancellationToken = default)
    {
        if (UsernamePolicy.Validate(usernameOrEmail) is not null && EmailPolicy.Validate(usernameOrEmail) is not null)
        {
            return AuthResult.Fail(AuthErrorCode.InvalidArgument, $"give the account's username or email address: {UsernamePolicy.Rule}; {EmailPolicy.Rule}");
        }

        ip = AccountAnswers.Ip(ip);
        var now = AccountAnswers.Now(time);
        var code = RecoveryCodes.NewCode();
        var (salt, hash) = OneTimeCodeHash.New(code);
        AccountRecord? account;
        var sent = false;
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            // The row lock makes the count and the insert one step, so parallel requests cannot pass the limit.
            account = await AccountStore.FindByUsernameOrEmailAsync(connection, usernameOrEmail, forUpdate: true, cancellationToken);
            if (account is not null
                && await RecoveryStore.CountSentSinceAsync(connection, account.Info.Id, now - options.RecoveryCodeLifetime, cancellationToken) < options.MaxActiveRecoveryCodes)
            {
                await RecoveryStore.InsertAsync(connection, account.Info.Id, salt, hash, now, now + options.RecoveryCodeLifetime, ip, cancellationToken);
                sent = true;
            }

            await transaction.CommitAsync(cancellationToken);
        }

        if (account is null)
        {
            audit.Append(new AuditEvent(AuditActions.RecoveryRequested, null, null, usernameOrEmail, ip,
                new Dictionary<string, string> { ["result"] = "unknown account" }));
            return AuthResult.Success(null) with { Message = RecoveryRequestedMessage };
        }

        var info = account.Info;
        audit.Append(new AuditEvent(AuditActions.RecoveryRequested, info.Id, info.Username, info.Username, ip,
            new Dictionary<string, string>
            {
                ["result"] = sent ? "code sent" : "not sent: too many codes already",
                ["limit"] = options.MaxActiveRecoveryCodes.ToString(CultureInfo.InvariantCulture),
            }));
        if (sent)
        {
            SendRecoveryCodeInBackground(info, code);
        }

        return AuthResult.Success(null) with { Message = RecoveryRequestedMessage };
    }

    /// <summary>
    /// Sets a new password with a code from <see cref="RequestRecoveryAsync"/>: the code is used up (with every other
    /// code of the account), all the account's sessions are revoked and its lockout is cleared. Two-step sign-in, if
    /// on, stays on. A wrong code counts against each live code of the account, which stops working after
    /// <see cref="AuthOptions.MaxRecoveryAttempts"/> wrong tries. Unknown usernames get the wrong-code answer.
    /// The code is checked before the new password is hashed, so wrong codes cost no hashing; the code is checked
    /// again, and used up, in the transaction that stores the new hash.
    /// </summary>
    public async Task<AuthResult> CompleteRecoveryAsync(
        string username, string code, string newPassword, string? ip, CancellationToken cancellationToken = default)
    {
        if ((UsernamePolicy.Validate(username) ?? PasswordPolicy.Validate(username, newPassword)) is { } problem)
        {
            return AuthResult.Fail(AuthErrorCode.InvalidArgument, problem);
        }

        var normalized = code is { Length: <= RecoveryCodes.MaxTypedLength } ? RecoveryCodes.Normalize(code) : "";
        if (!RecoveryCodes.IsCodeShaped(normalized))
        {
            return AuthResult.Fail(AuthErrorCode.InvalidArgument, RecoveryCodes.Rule);
        }

        ip = AccountAnswers.Ip(ip);
        if (await CheckRecoveryCodeAsync(username, normalized, ip, cancellationToken) is { } refused)
        {
            return refused;
        }

        string newHash;
        try
        {
            newHash = await hasher.HashAsync(newPassword, cancellationToken);
        }
        catch (PasswordHashingBusyException busy)
        {
            return AccountAnswers.Busy(busy);
        }

        var now = AccountAnswers.Now(time);
        AccountRecord? account;
        int sessions;
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            account = await AccountStore.FindByUsernameAsync(connection, username, forUpdate: true, cancellationToken);
            var live = account is null
                ? []
                : await RecoveryStore.LiveForUpdateAsync(connection, account.Info.Id, now, options.MaxRecoveryAttempts, cancellationToken);
            if (account is null || !live.Exists(c => OneTimeCodeHash.Matches(c.Salt, c.Hash, normalized)))
            {
                // Used by a parallel completion while this one hashed.
                return AuthResult.Fail(AuthErrorCode.InvalidRecoveryCode, InvalidRecoveryCodeMessage);
            }

            await RecoveryStore.UseAllAsync(connection, account.Info.Id, now, cancellationToken);
            await AccountStore.SetPasswordAsync(connection, account.Info.Id, newHash, cancellationToken);
            sessions = await AccountStore.RevokeAccountSessionsAsync(connection, account.Info.Id, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        audit.Append(new AuditEvent(AuditActions.AccountRecovered, account.Info.Id, account.Info.Username, account.Info.Username, ip,
            new Dictionary<string, string> { ["sessions_revoked"] = sessions.ToString(CultureInfo.InvariantCulture) }));
        return AuthResult.Success(account.Info);
    }

    // The refusal for an unknown name or a code that matches no live code of the account (counting the wrong try),
    // or null when the code is right; the code is not used up here.
    private async Task<AuthResult?> CheckRecoveryCodeAsync(string username, string normalized, string? ip, CancellationToken cancellationToken)
    {
        var now = AccountAnswers.Now(time);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var account = await AccountStore.FindByUsernameAsync(connection, username, forUpdate: true, cancellationToken);
        if (account is null)
        {
            audit.Append(new AuditEvent(AuditActions.RecoveryFailed, null, null, username, ip,
                new Dictionary<string, string> { ["reason"] = "unknown username" }));
            return AuthResult.Fail(AuthErrorCode.InvalidRecoveryCode, InvalidRecoveryCodeMessage);
        }

        var info = account.Info;
        var live = await RecoveryStore.LiveForUpdateAsync(connection, info.Id, now, options.MaxRecoveryAttempts, cancellationToken);
        if (live.Exists(c => OneTimeCodeHash.Matches(c.Salt, c.Hash, normalized)))
        {
            return null;
        }

        if (live.Count > 0)
        {
            await RecoveryStore.AddAttemptAsync(connection, live.ConvertAll(c => c.Id), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        audit.Append(new AuditEvent(AuditActions.RecoveryFailed, info.Id, info.Username, info.Username, ip,
            new Dictionary<string, string> { ["reason"] = live.Count == 0 ? "no live code" : "wrong code" }));
        return AuthResult.Fail(AuthErrorCode.InvalidRecoveryCode, InvalidRecoveryCodeMessage);
    }

    // Not awaited by the request: a slow or failing sender must not make known accounts answer differently.
    private void SendRecoveryCodeInBackground(AccountInfo account, string code) =>
        _ = Task.Run(async () =>
        {
            try
            {
                await recoverySender.SendAsync(account, code, CancellationToken.None);
            }
            catch (Exception ex)
            {
                LogRecoverySendFailed(logger, ex, account.Id);
            }
        });

    [LoggerMessage(Level = LogLevel.Error, Message = "account recovery: sending the code for account {AccountId} failed; the owner can request another")]
    private static partial void LogRecoverySendFailed(ILogger logger, Exception exception, Guid accountId);
}
