using Npgsql;
using NpgsqlTypes;

namespace Sunderfall.Accounts.Accounts;

/// <summary>
/// The SQL behind <see cref="AccountService"/>: one function per statement, no rules. Functions taking a connection run
/// inside whatever transaction that connection has open.
/// </summary>
internal static class AccountStore
{
    /// <summary>Raised by a second account with the same username, ignoring case.</summary>
    public const string UsernameIndex = "ux_accounts_username";

    /// <summary>Raised by a second account with the same email, ignoring case.</summary>
    public const string EmailIndex = "ux_accounts_email";

    private const string AccountColumns =
        "a.id, a.username, a.email, a.roles, a.created_at, a.banned_until, a.password_hash, a.failed_logins, a.locked_until, a.ban_reason, " +
        "a.mfa_enabled, a.mfa_secret, a.mfa_pending_secret, a.mfa_last_step";

    private const int AccountColumnCount = 14;

    public static async Task InsertAccountAsync(NpgsqlDataSource dataSource, AccountInfo account, string passwordHash, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO accounts (id, username, email, password_hash, roles, created_at)
            VALUES (@id, @username, @email, @hash, @roles, @created)
            """);
        command.Parameters.AddWithValue("id", account.Id);
        command.Parameters.AddWithValue("username", account.Username);
        command.Parameters.AddWithValue("email", account.Email);
        command.Parameters.AddWithValue("hash", passwordHash);
        command.Parameters.AddWithValue("roles", account.Roles.ToArray());
        command.Parameters.AddWithValue("created", account.CreatedAt);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The index a new account would break: <see cref="UsernameIndex"/>, <see cref="EmailIndex"/>, or null when both are free.</summary>
    public static async Task<string?> TakenAsync(NpgsqlDataSource dataSource, string username, string email, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT CASE WHEN lower(username) = lower(@username) THEN 'username' ELSE 'email' END
            FROM accounts WHERE lower(username) = lower(@username) OR lower(email) = lower(@email)
            ORDER BY 1 DESC LIMIT 1
            """);
        command.Parameters.AddWithValue("username", username);
        command.Parameters.AddWithValue("email", email);
        return await command.ExecuteScalarAsync(cancellationToken) switch
        {
            "username" => UsernameIndex,
            "email" => EmailIndex,
            _ => null,
        };
    }

    public static async Task<AccountRecord?> FindByUsernameAsync(
        NpgsqlConnection connection, string username, bool forUpdate, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT {AccountColumns} FROM accounts a WHERE lower(a.username) = lower(@username){(forUpdate ? " FOR UPDATE" : "")}",
            connection);
        command.Parameters.AddWithValue("username", username);
        return await ReadSingleAsync(command, cancellationToken);
    }

    public static async Task<AccountRecord?> FindByIdAsync(NpgsqlConnection connection, Guid id, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT {AccountColumns} FROM accounts a WHERE a.id = @id", connection);
        command.Parameters.AddWithValue("id", id);
        return await ReadSingleAsync(command, cancellationToken);
    }

    /// <summary>Counts a failure; the one that reaches the limit locks the account and restarts the count.</summary>
    /// <returns>The end of the lock this failure started, or null.</returns>
    public static async Task<DateTimeOffset?> RecordFailedLoginAsync(
        NpgsqlDataSource dataSource, Guid accountId, int maxFailures, DateTimeOffset lockUntil, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE accounts
            SET failed_logins = CASE WHEN failed_logins + 1 >= @max THEN 0 ELSE failed_logins + 1 END,
                locked_until  = CASE WHEN failed_logins + 1 >= @max THEN @lock_until ELSE locked_until END
            WHERE id = @id
            RETURNING CASE WHEN locked_until = @lock_until THEN locked_until END
            """);
        command.Parameters.AddWithValue("id", accountId);
        command.Parameters.AddWithValue("max", maxFailures);
        command.Parameters.AddWithValue("lock_until", lockUntil);
        var result = await command.ExecuteScalarAsync(cancellationToken);
        return result is DateTime locked ? new DateTimeOffset(locked, TimeSpan.Zero) : null;
    }

    /// <summary>Sets a new password (account recovery) and clears the failure count and lock.</summary>
    public static async Task SetPasswordAsync(NpgsqlConnection connection, Guid accountId, string passwordHash, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "UPDATE accounts SET password_hash = @hash, failed_logins = 0, locked_until = NULL WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", accountId);
        command.Parameters.AddWithValue("hash", passwordHash);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The account whose username or email is the text (ignoring case), or null.</summary>
    public static async Task<AccountRecord?> FindByUsernameOrEmailAsync(
        NpgsqlConnection connection, string usernameOrEmail, bool forUpdate, CancellationToken cancellationToken)
    {
        // Usernames cannot hold '@' and addresses must, so at most one account matches.
        await using var command = new NpgsqlCommand(
            $"SELECT {AccountColumns} FROM accounts a WHERE lower(a.username) = lower(@text) OR lower(a.email) = lower(@text) LIMIT 1{(forUpdate ? " FOR UPDATE" : "")}",
            connection);
        command.Parameters.AddWithValue("text", usernameOrEmail);
        return await ReadSingleAsync(command, cancellationToken);
    }

    /// <summary>Clears the failure count and lock; replaces the hash when the hasher asked for a stronger one.</summary>
    public static async Task RecordSuccessfulLoginAsync(NpgsqlDataSource dataSource, Guid accountId, string? newPasswordHash, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE accounts
            SET failed_logins = 0, locked_until = NULL, password_hash = COALESCE(@hash, password_hash)
            WHERE id = @id
            """);
        command.Parameters.AddWithValue("id", accountId);
        command.Parameters.Add(new NpgsqlParameter("hash", NpgsqlDbType.Text) { Value = (object?)newPasswordHash ?? DBNull.Value });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task InsertRefreshTokenAsync(
        NpgsqlConnection connection, Guid accountId, Guid familyId, byte[] tokenHash, DateTimeOffset createdAt,
        DateTimeOffset expiresAt, string? ip, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO refresh_tokens (id, account_id, family_id, token_hash, created_at, expires_at, created_ip)
            VALUES (@id, @account, @family, @hash, @created, @expires, @ip)
            """, connection);
        command.Parameters.AddWithValue("id", Guid.CreateVersion7(createdAt));
        command.Parameters.AddWithValue("account", accountId);
        command.Parameters.AddWithValue("family", familyId);
        command.Parameters.AddWithValue("hash", tokenHash);
        command.Parameters.AddWithValue("created", createdAt);
        command.Parameters.AddWithValue("expires", expiresAt);
        command.Parameters.Add(new NpgsqlParameter("ip", NpgsqlDbType.Text) { Value = (object?)ip ?? DBNull.Value });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The token with this hash and its account, locked until the transaction ends.</summary>
    public static async Task<RefreshTokenRecord?> FindRefreshTokenForUpdateAsync(
        NpgsqlConnection connection, byte[] tokenHash, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"""
            SELECT {AccountColumns}, t.id, t.family_id, t.expires_at, t.used_at, t.revoked_at
            FROM refresh_tokens t JOIN accounts a ON a.id = t.account_id
            WHERE t.token_hash = @hash
            FOR UPDATE OF t
            """, connection);
        command.Parameters.AddWithValue("hash", tokenHash);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var account = ReadAccount(reader);
        const int t = AccountColumnCount;
        return new RefreshTokenRecord(
            reader.GetGuid(t),
            reader.GetGuid(t + 1),
            reader.GetFieldValue<DateTimeOffset>(t + 2),
            reader.IsDBNull(t + 3) ? null : reader.GetFieldValue<DateTimeOffset>(t + 3),
            reader.IsDBNull(t + 4) ? null : reader.GetFieldValue<DateTimeOffset>(t + 4),
            account);
    }

    public static async Task MarkRefreshTokenUsedAsync(NpgsqlConnection connection, Guid tokenId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("UPDATE refresh_tokens SET used_at = @now WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", tokenId);
        command.Parameters.AddWithValue("now", now);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Revokes every live token of one family; returns how many.</summary>
    public static async Task<int> RevokeFamilyAsync(NpgsqlConnection connection, Guid familyId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "UPDATE refresh_tokens SET revoked_at = @now WHERE family_id = @family AND revoked_at IS NULL", connection);
        command.Parameters.AddWithValue("family", familyId);
        command.Parameters.AddWithValue("now", now);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Revokes every live token of every family of the account; returns how many families had one.</summary>
    public static async Task<int> RevokeAccountSessionsAsync(NpgsqlConnection connection, Guid accountId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            WITH revoked AS (
                UPDATE refresh_tokens SET revoked_at = @now
                WHERE account_id = @account AND revoked_at IS NULL
                RETURNING family_id
            )
            SELECT count(DISTINCT family_id)::int FROM revoked
            """, connection);
        command.Parameters.AddWithValue("account", accountId);
        command.Parameters.AddWithValue("now", now);
        return (int)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// Ends one session of one account. Returns the account's username (null when there is no such account) and
    /// whether the session belongs to it.
    /// </summary>
    public static async Task<(string? Username, bool SessionKnown)> EndSessionAsync(
        NpgsqlDataSource dataSource, Guid accountId, Guid familyId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The EXISTS sees the rows as they were before the UPDATE in the same statement, so a family already revoked
        // still counts as known and logging out twice is not an error.
        await using var command = dataSource.CreateCommand("""
            WITH revoked AS (
                UPDATE refresh_tokens SET revoked_at = @now
                WHERE family_id = @family AND account_id = @account AND revoked_at IS NULL
                RETURNING 1
            )
            SELECT a.username,
                   EXISTS (SELECT 1 FROM refresh_tokens t WHERE t.family_id = @family AND t.account_id = @account),
                   (SELECT count(*) FROM revoked)
            FROM accounts a
            WHERE a.id = @account
            """);
        command.Parameters.AddWithValue("account", accountId);
        command.Parameters.AddWithValue("family", familyId);
        command.Parameters.AddWithValue("now", now);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetString(0), reader.GetBoolean(1)) : (null, false);
    }

    /// <summary>True while the family has an unused, unrevoked, unexpired token and its account is not banned.</summary>
    public static async Task<bool> IsSessionActiveAsync(
        NpgsqlDataSource dataSource, Guid familyId, DateTimeOffset now, CancellationToken cancellationToken, Guid? accountId = null)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT EXISTS (
                SELECT 1
                FROM refresh_tokens t JOIN accounts a ON a.id = t.account_id
                WHERE t.family_id = @family
                  AND (@account::uuid IS NULL OR t.account_id = @account)
                  AND t.revoked_at IS NULL AND t.used_at IS NULL AND t.expires_at > @now
                  AND (a.banned_until IS NULL OR a.banned_until <= @now)
            )
            """);
        command.Parameters.AddWithValue("family", familyId);
        command.Parameters.Add(new NpgsqlParameter("account", NpgsqlTypes.NpgsqlDbType.Uuid) { Value = (object?)accountId ?? DBNull.Value });
        command.Parameters.AddWithValue("now", now);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// Of the sessions given (account i with family i), those that are not live: no unused, unrevoked, unexpired token
    /// of that family and account, or an account that is gone or banned now. One statement for all of them.
    /// </summary>
    public static async Task<List<EndedSession>> FindEndedSessionsAsync(
        NpgsqlDataSource dataSource, Guid[] accountIds, Guid[] familyIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT s.account, s.family,
                   CASE WHEN a.banned_until > @now THEN a.banned_until END,
                   CASE WHEN a.banned_until > @now THEN a.ban_reason END
            FROM unnest(@accounts::uuid[], @families::uuid[]) AS s(account, family)
            LEFT JOIN accounts a ON a.id = s.account
            WHERE a.id IS NULL
               OR a.banned_until > @now
               OR NOT EXISTS (
                    SELECT 1 FROM refresh_tokens t
                    WHERE t.family_id = s.family AND t.account_id = s.account
                      AND t.revoked_at IS NULL AND t.used_at IS NULL AND t.expires_at > @now)
            """);
        command.Parameters.AddWithValue("accounts", accountIds);
        command.Parameters.AddWithValue("families", familyIds);
        command.Parameters.AddWithValue("now", now);
        var ended = new List<EndedSession>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ended.Add(new EndedSession(
                new SessionKey(reader.GetGuid(0), reader.GetGuid(1)),
                reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2),
                reader.IsDBNull(3) ? null : reader.GetString(3)));
        }

        return ended;
    }

    public static async Task SetRolesAsync(NpgsqlConnection connection, Guid accountId, IReadOnlyList<string> roles, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("UPDATE accounts SET roles = @roles WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", accountId);
        command.Parameters.AddWithValue("roles", roles.ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task SetBanAsync(NpgsqlConnection connection, Guid accountId, DateTimeOffset until, string reason, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("UPDATE accounts SET banned_until = @until, ban_reason = @reason WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", accountId);
        command.Parameters.AddWithValue("until", until);
        command.Parameters.AddWithValue("reason", reason);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<AccountRecord?> ReadSingleAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadAccount(reader) : null;
    }

    // Reads the AccountColumns from the start of the row.
    private static AccountRecord ReadAccount(NpgsqlDataReader reader) =>
        new(
            new AccountInfo(
                reader.GetGuid(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetFieldValue<string[]>(3),
                reader.GetFieldValue<DateTimeOffset>(4),
                reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5))
            {
                MfaEnabled = reader.GetBoolean(10),
            },
            reader.GetString(6),
            reader.GetInt32(7),
            reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8),
            reader.IsDBNull(9) ? null : reader.GetString(9))
        {
            MfaSecret = reader.IsDBNull(11) ? null : reader.GetFieldValue<byte[]>(11),
            MfaPendingSecret = reader.IsDBNull(12) ? null : reader.GetFieldValue<byte[]>(12),
            MfaLastStep = reader.IsDBNull(13) ? null : reader.GetInt64(13),
        };
}
