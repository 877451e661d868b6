using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Npgsql;
using Sunderfall.Accounts.Audit;
using Sunderfall.Accounts.Mfa;
using Sunderfall.Accounts.Recovery;
using Sunderfall.Accounts.Tokens;

namespace Sunderfall.Accounts.Accounts;

/// <summary>
/// Registration, login with per-account lockout (and the second factor, checked by <see cref="AccountMfa"/>), rotating
/// refresh tokens and sessions, over PostgreSQL. Roles and bans are <see cref="AccountModeration"/>'s, enrolling an
/// authenticator <see cref="AccountMfa"/>'s and account recovery <see cref="AccountRecovery"/>'s.
/// Every method checks its arguments and answers an <see cref="AuthResult"/> (IsSessionActiveAsync a bool); only a
/// failing database throws.
/// Passwords, tokens, authenticator secrets and one-time codes never reach a log or the audit trail.
/// </summary>
public sealed class AccountService
{
    /// <summary>The one answer for an unknown username and for a wrong password, so neither tells which.</summary>
    public const string InvalidCredentialsMessage = "username or password is incorrect";

    private readonly NpgsqlDataSource dataSource;
    private readonly TokenService tokens;
    private readonly AuditLog audit;
    private readonly TimeProvider time;
    private readonly AuthOptions options;
    private readonly AccountPasswordHasher hasher;
    private readonly AccountMfa mfa;

    /// <summary>Creates the service; the data source should log in as the application role (sunderfall_app).</summary>
    public AccountService(
        NpgsqlDataSource dataSource, TokenService tokens, AuditLog audit, TimeProvider time, IOptions<AuthOptions> options,
        AccountPasswordHasher hasher, AccountMfa mfa)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(hasher);
        ArgumentNullException.ThrowIfNull(mfa);
        this.dataSource = dataSource;
        this.tokens = tokens;
        this.audit = audit;
        this.time = time;
        this.options = options.Value;
        this.hasher = hasher;
        this.mfa = mfa;
    }

    /// <summary>
    /// Creates an account with the player role (plus admin for a name in <see cref="AuthOptions.BootstrapAdmins"/>).
    /// Does not log in: the answer carries the account, no tokens.
    /// </summary>
    public async Task<AuthResult> RegisterAsync(string username, string email, string password, string? ip, CancellationToken cancellationToken = default)
    {
        try
        {
            return await RegisterCoreAsync(username, email, password, ip, cancellationToken);
        }
        catch (PasswordHashingBusyException busy)
        {
            return AccountAnswers.Busy(busy);
        }
    }

    private async Task<AuthResult> RegisterCoreAsync(string username, string email, string password, string? ip, CancellationToken cancellationToken)
    {
        if ((UsernamePolicy.Validate(username) ?? EmailPolicy.Validate(email) ?? PasswordPolicy.Validate(username, password)) is { } problem)
        {
            return AuthResult.Fail(AuthErrorCode.InvalidArgument, problem);
        }

        // A taken name or address is refused before the password is hashed (the unique indexes still decide races).
        if (await AccountStore.TakenAsync(dataSource, username, email, cancellationToken) is { } taken)
        {
            return taken == AccountStore.EmailIndex ? EmailTaken() : UsernameTaken(username);
        }

        var bootstrapAdmin = options.BootstrapAdmins.Contains(username, StringComparer.OrdinalIgnoreCase);
        var account = new AccountInfo(
            Guid.CreateVersion7(), username, email, bootstrapAdmin ? [Roles.Player, Roles.Admin] : [Roles.Player], AccountAnswers.Now(time), null);
        try
        {
            var hash = await hasher.HashAsync(password, cancellationToken);
            await AccountStore.InsertAccountAsync(dataSource, account, hash, cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return ex.ConstraintName == AccountStore.EmailIndex ? EmailTaken() : UsernameTaken(username);
        }

        audit.Append(new AuditEvent(AuditActions.AccountRegistered, account.Id, username, username, AccountAnswers.Ip(ip),
            new Dictionary<string, string> { ["roles"] = string.Join(',', account.Roles) }));
        return AuthResult.Success(account);
    }

    /// <summary>Logs in without a second factor; see the overload taking an MFA code.</summary>
    public Task<AuthResult> LoginAsync(string username, string password, string? ip, CancellationToken cancellationToken) =>
        LoginAsync(username, password, ip, mfaCode: null, cancellationToken);

    /// <summary>
    /// Checks the password and starts a new session (refresh-token family). Unknown names and wrong passwords get the
    /// same answer; <see cref="AuthOptions.MaxFailedLogins"/> failures in a row lock the account for
    /// <see cref="AuthOptions.LockoutDuration"/>, during which even the right password is refused.
    /// When the account uses two-step sign-in, the right password without <paramref name="mfaCode"/> answers
    /// <see cref="AuthErrorCode.MfaRequired"/>; a wrong, stale or reused code answers
    /// <see cref="AuthErrorCode.InvalidMfaCode"/> and counts toward the same lockout as a wrong password. An MFA
    /// recovery code is accepted in place of an authenticator code and is used up. A code given for an account
    /// without two-step sign-in is ignored.
    /// </summary>
    public async Task<AuthResult> LoginAsync(
        string username, string password, string? ip, string? mfaCode = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return await LoginCoreAsync(username, password, ip, mfaCode, cancellationToken);
        }
        catch (PasswordHashingBusyException busy)
        {
            return AccountAnswers.Busy(busy);
        }
    }

    private async Task<AuthResult> LoginCoreAsync(string username, string password, string? ip, string? mfaCode, CancellationToken cancellationToken)
    {
        if (UsernamePolicy.Validate(username) is { } badName)
        {
            return AuthResult.Fail(AuthErrorCode.InvalidArgument, badName);
        }

        if (string.IsNullOrEmpty(password) || password.Length > PasswordPolicy.MaxLength)
        {
            return AuthResult.Fail(AuthErrorCode.InvalidArgument, $"password must be 1-{PasswordPolicy.MaxLength} characters");
        }

        if (mfaCode is { Length: > MfaCode.MaxLength })
        {
            return AuthResult.Fail(AuthErrorCode.InvalidArgument, $"mfaCode must be {MfaCode.Rule}, at most {MfaCode.MaxLength} characters");
        }

        ip = AccountAnswers.Ip(ip);
        AccountRecord? account;
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            account = await AccountStore.FindByUsernameAsync(connection, username, forUpdate: false, cancellationToken);
        }

        if (account is null)
        {
            await hasher.VerifyDecoyAsync(password, cancellationToken);
            audit.Append(new AuditEvent(AuditActions.LoginFailed, null, null, username, ip,
                new Dictionary<string, string> { ["reason"] = "unknown username" }));
            return AuthResult.Fail(AuthErrorCode.InvalidCredentials, InvalidCredentialsMessage);
        }

        var info = account.Info;
        var now = AccountAnswers.Now(time);
        if (account.IsLockedAt(now))
        {
            audit.Append(new AuditEvent(AuditActions.LoginFailed, info.Id, info.Username, info.Username, ip,
                new Dictionary<string, string> { ["reason"] = "locked" }));
            return AccountAnswers.LockedOut(account.LockedUntil!.Value - now);
        }

        var verification = await hasher.VerifyAsync(account.PasswordHash, password, cancellationToken);
        if (verification == PasswordVerificationResult.Failed)
        {
            var lockedUntil = await AccountStore.RecordFailedLoginAsync(dataSource, info.Id, options.MaxFailedLogins, now + options.LockoutDuration, cancellationToken);
            audit.Append(new AuditEvent(AuditActions.LoginFailed, info.Id, info.Username, info.Username, ip,
                new Dictionary<string, string> { ["reason"] = "wrong password" }));
            if (lockedUntil is { } until)
            {
                audit.Append(new AuditEvent(AuditActions.LoginLocked, info.Id, info.Username, info.Username, ip,
                    new Dictionary<string, string> { ["until"] = until.ToString("O"), ["failures"] = options.MaxFailedLogins.ToString(CultureInfo.InvariantCulture) }));
                return AccountAnswers.LockedOut(until - now);
            }

            return AuthResult.Fail(AuthErrorCode.InvalidCredentials, InvalidCredentialsMessage);
        }

        // The failure count is cleared only after the second factor too, so a known password does not reset it
        // between guesses at the code.
        string? secondFactor = null;
        if (account.MfaEnabled)
        {
            var (refusal, used) = await mfa.CheckLoginSecondFactorAsync(account, mfaCode, now, ip, cancellationToken);
            if (refusal is not null)
            {
                return refusal;
            }

            secondFactor = used;
        }

        var rehashed = verification == PasswordVerificationResult.SuccessRehashNeeded ? await hasher.HashAsync(password, cancellationToken) : null;
        await AccountStore.RecordSuccessfulLoginAsync(dataSource, info.Id, rehashed, cancellationToken);
        if (account.IsBannedAt(now))
        {
            audit.Append(new AuditEvent(AuditActions.LoginBanned, info.Id, info.Username, info.Username, ip));
            return Banned(account);
        }

        return await StartSessionAsync(info, now, ip, secondFactor is null ? null : ("mfa", secondFactor), cancellationToken);
    }

    /// <summary>
    /// Registers like <see cref="RegisterAsync"/> and starts the new account's first session in the same call. The
    /// password was hashed a moment ago: checking it again, as a separate login would, costs a second PBKDF2 run and
    /// proves nothing.
    /// </summary>
    public async Task<AuthResult> RegisterAndSignInAsync(string username, string email, string password, string? ip, CancellationToken cancellationToken = default)
    {
        var registered = await RegisterAsync(username, email, password, ip, cancellationToken);
        return registered is { Ok: true, Account: { } account }
            ? await StartSessionAsync(account, AccountAnswers.Now(time), AccountAnswers.Ip(ip), ("via", "registration"), cancellationToken)
            : registered;
    }

    // A new refresh-token family (the session), its first token pair, and the audit entry of the sign-in.
    private async Task<AuthResult> StartSessionAsync(
        AccountInfo info, DateTimeOffset now, string? ip, (string Key, string Value)? detail, CancellationToken cancellationToken)
    {
        var familyId = Guid.CreateVersion7(now);
        TokenPair pair;
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            pair = await IssueAsync(connection, info, familyId, now, ip, cancellationToken);
        }

        var details = new Dictionary<string, string> { ["session"] = familyId.ToString("D") };
        if (detail is { } extra)
        {
            details[extra.Key] = extra.Value;
        }

        audit.Append(new AuditEvent(AuditActions.LoginSucceeded, info.Id, info.Username, info.Username, ip, details));
        return AuthResult.Success(info, pair);
    }

    /// <summary>
    /// Trades a refresh token for a new pair in the same session; the presented token is used up. Presenting a used
    /// token again means it was copied: the whole session is revoked (<see cref="AuthErrorCode.TokenReused"/>).
    /// </summary>
    public async Task<AuthResult> RefreshAsync(string refreshToken, string? ip, CancellationToken cancellationToken = default)
    {
        if (!TokenService.IsWellFormedRefreshToken(refreshToken))
        {
            return AuthResult.Fail(AuthErrorCode.TokenInvalid, $"refresh token must be {TokenService.RefreshTokenLength} base64url characters as issued at login: log in again");
        }

        ip = AccountAnswers.Ip(ip);
        var now = AccountAnswers.Now(time);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var token = await AccountStore.FindRefreshTokenForUpdateAsync(connection, TokenService.HashRefreshToken(refreshToken), cancellationToken);
        if (token is null)
        {
            return AuthResult.Fail(AuthErrorCode.TokenInvalid, "refresh token is not known: log in again");
        }

        var info = token.Account.Info;
        if (token.RevokedAt is not null)
        {
            return AuthResult.Fail(AuthErrorCode.TokenInvalid, "this session has ended (logout, ban or a reused refresh token): log in again");
        }

        if (token.UsedAt is not null)
        {
            await AccountStore.RevokeFamilyAsync(connection, token.FamilyId, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            audit.Append(new AuditEvent(AuditActions.TokenReuseDetected, info.Id, info.Username, token.FamilyId.ToString("D"), ip,
                new Dictionary<string, string> { ["first_used_at"] = token.UsedAt.Value.ToString("O") }));
            return AuthResult.Fail(AuthErrorCode.TokenReused,
                "this refresh token was already used, so the session was ended to protect the account: log in again");
        }

        if (token.ExpiresAt <= now)
        {
            return AuthResult.Fail(AuthErrorCode.TokenExpired, $"refresh token expired at {token.ExpiresAt:u}: log in again");
        }

        if (token.Account.IsBannedAt(now))
        {
            await AccountStore.RevokeFamilyAsync(connection, token.FamilyId, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return Banned(token.Account);
        }

        await AccountStore.MarkRefreshTokenUsedAsync(connection, token.Id, now, cancellationToken);
        var pair = await IssueAsync(connection, info, token.FamilyId, now, ip, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return AuthResult.Success(info, pair);
    }

    /// <summary>Ends one session of the account: its refresh tokens stop working. Ending it twice is not an error.</summary>
    public async Task<AuthResult> LogoutAsync(Guid accountId, Guid familyId, string? ip, CancellationToken cancellationToken = default)
    {
        if (accountId == Guid.Empty || familyId == Guid.Empty)
        {
            return AuthResult.Fail(AuthErrorCode.InvalidArgument, "account id and session id must not be empty");
        }

        var (username, known) = await AccountStore.EndSessionAsync(dataSource, accountId, familyId, AccountAnswers.Now(time), cancellationToken);
        if (username is null || !known)
        {
            return AuthResult.Fail(AuthErrorCode.NotFound, "this account has no such session");
        }

        audit.Append(new AuditEvent(AuditActions.Logout, accountId, username, familyId.ToString("D"), AccountAnswers.Ip(ip)));
        return AuthResult.Success(null);
    }

    /// <summary>
    /// False once the session was logged out, revoked by a ban or a reused token, or left to expire: a hub checks this
    /// when a connection starts, since an access token stays valid until it expires.
    /// </summary>
    public async Task<bool> IsSessionActiveAsync(Guid familyId, CancellationToken cancellationToken = default) =>
        familyId != Guid.Empty && await AccountStore.IsSessionActiveAsync(dataSource, familyId, AccountAnswers.Now(time), cancellationToken);

    /// <summary>
    /// Like <see cref="IsSessionActiveAsync(Guid, CancellationToken)"/>, and the session must belong to
    /// <paramref name="accountId"/>: a token naming one account and another account's session is refused.
    /// </summary>
    public async Task<bool> IsSessionActiveAsync(Guid accountId, Guid familyId, CancellationToken cancellationToken = default) =>
        accountId != Guid.Empty && familyId != Guid.Empty
        && await AccountStore.IsSessionActiveAsync(dataSource, familyId, AccountAnswers.Now(time), cancellationToken, accountId);

    /// <summary>Most sessions one <see cref="FindEndedSessionsAsync"/> call may ask about.</summary>
    public const int MaxSessionsPerCheck = 100_000;

    /// <summary>
    /// Of <paramref name="sessions"/>, the ones <see cref="IsSessionActiveAsync(Guid, Guid, CancellationToken)"/> would
    /// refuse now, each saying whether its account is banned, in one query: a frontend re-checks its live connections
    /// with this, so a ban or logout reaches them even when no grain remembers the connection.
    /// </summary>
    /// <exception cref="ArgumentException">More than <see cref="MaxSessionsPerCheck"/> sessions.</exception>
    public async Task<IReadOnlyList<EndedSession>> FindEndedSessionsAsync(IReadOnlyCollection<SessionKey> sessions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        if (sessions.Count > MaxSessionsPerCheck)
        {
            throw new ArgumentException($"at most {MaxSessionsPerCheck} sessions per check, not {sessions.Count}", nameof(sessions));
        }

        var distinct = sessions.Distinct().ToArray();
        if (distinct.Length == 0)
        {
            return [];
        }

        return await AccountStore.FindEndedSessionsAsync(
            dataSource, [.. distinct.Select(s => s.AccountId)], [.. distinct.Select(s => s.SessionId)], AccountAnswers.Now(time), cancellationToken);
    }

    private async Task<TokenPair> IssueAsync(
        NpgsqlConnection connection, AccountInfo account, Guid familyId, DateTimeOffset now, string? ip, CancellationToken cancellationToken)
    {
        var (refreshToken, refreshHash) = TokenService.NewRefreshToken();
        var refreshExpiresAt = now + options.RefreshTokenLifetime;
        await AccountStore.InsertRefreshTokenAsync(connection, account.Id, familyId, refreshHash, now, refreshExpiresAt, ip, cancellationToken);
        var (accessToken, accessExpiresAt) = tokens.IssueAccessToken(account, familyId);
        return new TokenPair(accessToken, accessExpiresAt, refreshToken, refreshExpiresAt);
    }

    /// <summary>The admission of password hashes: how many run and wait now, and the bounds.</summary>
    public PasswordHashGate PasswordHashes => hasher.Gate;

    private static AuthResult EmailTaken() => AuthResult.Fail(AuthErrorCode.EmailTaken, "email is already registered to another account");

    private static AuthResult UsernameTaken(string username) =>
        AuthResult.Fail(AuthErrorCode.UsernameTaken, $"username '{username}' is taken (names are unique ignoring case)");

    private static AuthResult Banned(AccountRecord account)
    {
        var until = account.Info.BannedUntil!.Value;
        var when = until.Year >= 9999 ? "permanently" : $"until {until:u}";
        return AuthResult.Fail(AuthErrorCode.Banned, $"this account is banned {when}: {account.BanReason ?? "no reason given"}");
    }
}
