using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Sunderfall.Accounts.Audit;
using Sunderfall.Accounts.Mfa;
using Sunderfall.Accounts.Recovery;
using Sunderfall.Accounts.Tokens;

namespace Sunderfall.Accounts.Accounts;

/// <summary>
/// Registration, login with per-account lockout, rotating refresh tokens, sessions, roles and bans, two-step sign-in
/// (AccountService.Mfa.cs) and account recovery (AccountService.Recovery.cs), over PostgreSQL.
/// Every method checks its arguments and answers an <see cref="AuthResult"/> (IsSessionActiveAsync a bool); only a
/// failing database throws.
/// Passwords, tokens, authenticator secrets and one-time codes never reach a log or the audit trail.
/// </summary>
public sealed partial class AccountService
{
    /// <summary>The one answer for an unknown username and for a wrong password, so neither tells which.</summary>
    public const string InvalidCredentialsMessage = "username or password is incorrect";

    private const int MaxReasonLength = 500;
    private const int MaxIpLength = 64;

    private readonly NpgsqlDataSource dataSource;
    private readonly TokenService tokens;
    private readonly AuditLog audit;
    private readonly TimeProvider time;
    private readonly AuthOptions options;
    private readonly IRecoveryCodeSender recoverySender;
    private readonly ILogger<AccountService> logger;
    private readonly AccountPasswordHasher hasher;
    private readonly TotpSecretProtector totpSecrets;

    /// <summary>Creates the service; the data source should log in as the application role (sunderfall_app).</summary>
    public AccountService(
        NpgsqlDataSource dataSource, TokenService tokens, AuditLog audit, TimeProvider time, IOptions<AuthOptions> options,
        IRecoveryCodeSender recoverySender, TotpSecretProtector totpSecrets, ILogger<AccountService> logger)
    {
        ArgumentNullException.ThrowIfNull(totpSecrets);
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(recoverySender);
        ArgumentNullException.ThrowIfNull(logger);
        this.dataSource = dataSource;
        this.tokens = tokens;
        this.audit = audit;
        this.time = time;
        this.options = options.Value;
        hasher = new AccountPasswordHasher(this.options.MaxConcurrentPasswordHashes, this.options.MaxQueuedPasswordHashes);
        this.recoverySender = recoverySender;
        this.totpSecrets = totpSecrets;
        this.logger = logger;
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
            return Busy(busy);
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
            Guid.CreateVersion7(), username, email, bootstrapAdmin ? [Roles.Player, Roles.Admin] : [Roles.Player], Now(), null);
        try
        {
            var hash = await hasher.HashAsync(password, cancellationToken);
            await AccountStore.InsertAccountAsync(dataSource, account, hash, cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return ex.ConstraintName == AccountStore.EmailIndex ? EmailTaken() : UsernameTaken(username);
        }

        audit.Append(new AuditEvent(AuditActions.AccountRegistered, account.Id, username, username, Ip(ip),
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
            return Busy(busy);
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

        ip = Ip(ip);
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
        var now = Now();
        if (account.IsLockedAt(now))
        {
            audit.Append(new AuditEvent(AuditActions.LoginFailed, info.Id, info.Username, info.Username, ip,
                new Dictionary<string, string> { ["reason"] = "locked" }));
            return LockedOut(account.LockedUntil!.Value - now);
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
                return LockedOut(until - now);
            }

            return AuthResult.Fail(AuthErrorCode.InvalidCredentials, InvalidCredentialsMessage);
        }

        // The failure count is cleared only after the second factor too, so a known password does not reset it
        // between guesses at the code.
        string? secondFactor = null;
        if (account.MfaEnabled)
        {
            var (refusal, used) = await CheckLoginSecondFactorAsync(account, mfaCode, now, ip, cancellationToken);
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
            ? await StartSessionAsync(account, Now(), Ip(ip), ("via", "registration"), cancellationToken)
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

        ip = Ip(ip);
        var now = Now();
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

        var (username, known) = await AccountStore.EndSessionAsync(dataSource, accountId, familyId, Now(), cancellationToken);
        if (username is null || !known)
        {
            return AuthResult.Fail(AuthErrorCode.NotFound, "this account has no such session");
        }

        audit.Append(new AuditEvent(AuditActions.Logout, accountId, username, familyId.ToString("D"), Ip(ip)));
        return AuthResult.Success(null);
    }

    /// <summary>
    /// False once the session was logged out, revoked by a ban or a reused token, or left to expire: a hub checks this
    /// when a connection starts, since an access token stays valid until it expires.
    /// </summary>
    public async Task<bool> IsSessionActiveAsync(Guid familyId, CancellationToken cancellationToken = default) =>
        familyId != Guid.Empty && await AccountStore.IsSessionActiveAsync(dataSource, familyId, Now(), cancellationToken);

    /// <summary>
    /// Like <see cref="IsSessionActiveAsync(Guid, CancellationToken)"/>, and the session must belong to
    /// <paramref name="accountId"/>: a token naming one account and another account's session is refused.
    /// </summary>
    public async Task<bool> IsSessionActiveAsync(Guid accountId, Guid familyId, CancellationToken cancellationToken = default) =>
        accountId != Guid.Empty && familyId != Guid.Empty
        && await AccountStore.IsSessionActiveAsync(dataSource, familyId, Now(), cancellationToken, accountId);

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
            dataSource, [.. distinct.Select(s => s.AccountId)], [.. distinct.Select(s => s.SessionId)], Now(), cancellationToken);
    }

    /// <summary>The account with this username (ignoring case), for moderators and admins.</summary>
    public async Task<AuthResult> FindAsync(string username, CancellationToken cancellationToken = default)
    {
        if (UsernamePolicy.Validate(username) is { } problem)
        {
            return AuthResult.Fail(AuthErrorCode.InvalidArgument, problem);
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var account = await AccountStore.FindByUsernameAsync(connection, username, forUpdate: false, cancellationToken);
        return account is null ? NotFound(username) : AuthResult.Success(account.Info);
    }

    /// <summary>
    /// Replaces an account's roles (known names only, at least one). The actor must be an admin now (checked in the
    /// database, not only in the caller's token) and may not take the admin role from themselves. Takes effect at the
    /// account's next refresh.
    /// </summary>
    public async Task<AuthResult> SetRolesAsync(
        Guid actorId, string actorName, string username, IReadOnlyCollection<string> roles, string? ip, CancellationToken cancellationToken = default)
    {
        if ((ValidateActor(actorId, actorName) ?? UsernamePolicy.Validate(username)) is { } problem)
        {
            return AuthResult.Fail(AuthErrorCode.InvalidArgument, problem);
        }

        var allowed = string.Join(", ", Roles.All);
        if (roles is null || roles.Count == 0 || roles.Any(r => Roles.Normalize(r) is null))
        {
            return AuthResult.Fail(AuthErrorCode.InvalidArgument, $"roles must name at least one of: {allowed}");
        }

        var newRoles = Roles.All.Where(known => roles.Any(r => Roles.Normalize(r) == known)).ToList();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var actor = await AccountStore.FindByIdAsync(connection, actorId, cancellationToken);
        if (actor is null || !actor.Info.IsInRole(Roles.Admin))
        {
            return AuthResult.Fail(AuthErrorCode.Forbidden, "only admins may change roles");
        }

        var target = await AccountStore.FindByUsernameAsync(connection, username, forUpdate: true, cancellationToken);
        if (target is null)
        {
            return NotFound(username);
        }

        if (target.Info.Id == actorId && !newRoles.Contains(Roles.Admin))
        {
            return AuthResult.Fail(AuthErrorCode.Forbidden, "an admin cannot take the admin role from themselves; ask another admin");
        }

        await AccountStore.SetRolesAsync(connection, target.Info.Id, newRoles, cancellationToken);
        // The audit row commits with the change or neither does.
        await audit.AppendInTransactionAsync(connection, new AuditEvent(AuditActions.RolesChanged, actorId, actorName, target.Info.Username, Ip(ip),
            new Dictionary<string, string> { ["from"] = string.Join(',', target.Info.Roles), ["to"] = string.Join(',', newRoles) }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return AuthResult.Success(target.Info with { Roles = newRoles });
    }

    /// <summary>
    /// Bans an account until the given time and revokes all its sessions. The actor must be a moderator or admin now;
    /// moderators cannot ban moderators or admins, and nobody can ban themselves.
    /// </summary>
    public async Task<AuthResult> BanAsync(
        Guid actorId, string actorName, string username, DateTimeOffset until, string reason, string? ip, CancellationToken cancellationToken = default)
    {
        if ((ValidateActor(actorId, actorName) ?? UsernamePolicy.Validate(username)) is { } problem)
        {
            return AuthResult.Fail(AuthErrorCode.InvalidArgument, problem);
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Length > MaxReasonLength || reason.Any(char.IsControl))
        {
            return AuthResult.Fail(AuthErrorCode.InvalidArgument, $"reason must be 1-{MaxReasonLength} characters without control characters");
        }

        var now = Now();
        if (until <= now)
        {
            return AuthResult.Fail(AuthErrorCode.InvalidArgument, $"a ban must end in the future (now is {now:u}, until is {until.ToUniversalTime():u})");
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var actor = await AccountStore.FindByIdAsync(connection, actorId, cancellationToken);
        var actorIsAdmin = actor is not null && actor.Info.IsInRole(Roles.Admin);
        if (actor is null || !(actorIsAdmin || actor.Info.IsInRole(Roles.Moderator)))
        {
            return AuthResult.Fail(AuthErrorCode.Forbidden, "only moderators and admins may ban");
        }

        var target = await AccountStore.FindByUsernameAsync(connection, username, forUpdate: true, cancellationToken);
        if (target is null)
        {
            return NotFound(username);
        }

        if (target.Info.Id == actorId)
        {
            return AuthResult.Fail(AuthErrorCode.Forbidden, "you cannot ban yourself");
        }

        if (!actorIsAdmin && (target.Info.IsInRole(Roles.Moderator) || target.Info.IsInRole(Roles.Admin)))
        {
            return AuthResult.Fail(AuthErrorCode.Forbidden, "moderators cannot ban moderators or admins; ask an admin");
        }

        var end = until.ToUniversalTime();
        await AccountStore.SetBanAsync(connection, target.Info.Id, end, reason, cancellationToken);
        var sessions = await AccountStore.RevokeAccountSessionsAsync(connection, target.Info.Id, now, cancellationToken);
        // The audit row commits with the ban or neither does.
        await audit.AppendInTransactionAsync(connection, new AuditEvent(AuditActions.AccountBanned, actorId, actorName, target.Info.Username, Ip(ip),
            new Dictionary<string, string>
            {
                ["until"] = end.ToString("O"),
                ["reason"] = reason,
                ["sessions_revoked"] = sessions.ToString(CultureInfo.InvariantCulture),
            }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return AuthResult.Success(target.Info with { BannedUntil = end });
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

    // PostgreSQL keeps microseconds; dropping the rest makes values read back equal to the ones written.
    private DateTimeOffset Now()
    {
        var now = time.GetUtcNow();
        return new DateTimeOffset(now.UtcTicks - (now.UtcTicks % 10), TimeSpan.Zero);
    }

    private static string? Ip(string? ip) => ip is { Length: > MaxIpLength } ? ip[..MaxIpLength] : ip;

    private static string? ValidateActor(Guid actorId, string actorName) =>
        actorId == Guid.Empty ? "actor id must not be empty"
        : string.IsNullOrWhiteSpace(actorName) || actorName.Length > UsernamePolicy.MaxLength ? $"actor name must be 1-{UsernamePolicy.MaxLength} characters"
        : null;

    /// <summary>The admission of password hashes: how many run and wait now, and the bounds.</summary>
    public PasswordHashGate PasswordHashes => hasher.Gate;

    private static AuthResult Busy(PasswordHashingBusyException busy) => AuthResult.Fail(AuthErrorCode.Busy, busy.Message, TimeSpan.FromSeconds(1));

    private static AuthResult EmailTaken() => AuthResult.Fail(AuthErrorCode.EmailTaken, "email is already registered to another account");

    private static AuthResult UsernameTaken(string username) =>
        AuthResult.Fail(AuthErrorCode.UsernameTaken, $"username '{username}' is taken (names are unique ignoring case)");

    private static AuthResult NotFound(string username) => AuthResult.Fail(AuthErrorCode.NotFound, $"no account is named '{username}'");

    private static AuthResult LockedOut(TimeSpan left) =>
        AuthResult.Fail(AuthErrorCode.LockedOut, $"too many failed logins: the account is locked, try again in {Describe(left)}", left);

    private static AuthResult Banned(AccountRecord account)
    {
        var until = account.Info.BannedUntil!.Value;
        var when = until.Year >= 9999 ? "permanently" : $"until {until:u}";
        return AuthResult.Fail(AuthErrorCode.Banned, $"this account is banned {when}: {account.BanReason ?? "no reason given"}");
    }

    private static string Describe(TimeSpan left) =>
        left >= TimeSpan.FromMinutes(1)
            ? $"{Math.Ceiling(left.TotalMinutes):0} min"
            : $"{Math.Max(1, Math.Ceiling(left.TotalSeconds)):0} s";
}
