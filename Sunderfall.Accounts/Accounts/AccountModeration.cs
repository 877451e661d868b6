using System.Globalization;
using Npgsql;
using Sunderfall.Accounts.Audit;

namespace Sunderfall.Accounts.Accounts;

/// <summary>
/// What moderators and admins do to accounts: find one, change its roles, ban it. The actor's right is checked in the
/// database, not only in its token, and each change commits with its audit row or not at all.
/// </summary>
public sealed class AccountModeration(NpgsqlDataSource dataSource, AuditLog audit, TimeProvider time)
{
    private const int MaxReasonLength = 500;

    /// <summary>The account with this username (ignoring case), for moderators and admins.</summary>
    public async Task<AuthResult> FindAsync(string username, CancellationToken cancellationToken = default)
    {
        if (UsernamePolicy.Validate(username) is { } problem)
        {
            return AuthResult.Fail(AuthErrorCode.InvalidArgument, problem);
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var account = await AccountStore.FindByUsernameAsync(connection, username, forUpdate: false, cancellationToken);
        return account is null ? AccountAnswers.NotFound(username) : AuthResult.Success(account.Info);
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
            return AccountAnswers.NotFound(username);
        }

        if (target.Info.Id == actorId && !newRoles.Contains(Roles.Admin))
        {
            return AuthResult.Fail(AuthErrorCode.Forbidden, "an admin cannot take the admin role from themselves; ask another admin");
        }

        await AccountStore.SetRolesAsync(connection, target.Info.Id, newRoles, cancellationToken);
        // The audit row commits with the change or neither does.
        await audit.AppendInTransactionAsync(connection, new AuditEvent(AuditActions.RolesChanged, actorId, actorName, target.Info.Username, AccountAnswers.Ip(ip),
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

        var now = AccountAnswers.Now(time);
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
            return AccountAnswers.NotFound(username);
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
        await audit.AppendInTransactionAsync(connection, new AuditEvent(AuditActions.AccountBanned, actorId, actorName, target.Info.Username, AccountAnswers.Ip(ip),
            new Dictionary<string, string>
            {
                ["until"] = end.ToString("O"),
                ["reason"] = reason,
                ["sessions_revoked"] = sessions.ToString(CultureInfo.InvariantCulture),
            }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return AuthResult.Success(target.Info with { BannedUntil = end });
    }

    private static string? ValidateActor(Guid actorId, string actorName) =>
        actorId == Guid.Empty ? "actor id must not be empty"
        : string.IsNullOrWhiteSpace(actorName) || actorName.Length > UsernamePolicy.MaxLength ? $"actor name must be 1-{UsernamePolicy.MaxLength} characters"
        : null;
}
