using Npgsql;
using NpgsqlTypes;

namespace Sunderfall.Accounts.Recovery;

/// <summary>The SQL behind account recovery: one function per statement, no rules.</summary>
internal static class RecoveryStore
{
    /// <summary>Codes sent to the account since <paramref name="since"/>, whatever became of them.</summary>
    public static async Task<int> CountSentSinceAsync(NpgsqlConnection connection, Guid accountId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT count(*)::int FROM recovery_requests WHERE account_id = @id AND created_at > @since", connection);
        command.Parameters.AddWithValue("id", accountId);
        command.Parameters.AddWithValue("since", since);
        return (int)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public static async Task InsertAsync(
        NpgsqlConnection connection, Guid accountId, byte[] salt, byte[] hash, DateTimeOffset now, DateTimeOffset expiresAt,
        string? ip, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO recovery_requests (id, account_id, salt, code_hash, created_at, expires_at, requested_ip)
            VALUES (@id, @account, @salt, @hash, @now, @expires, @ip)
            """, connection);
        command.Parameters.AddWithValue("id", Guid.CreateVersion7(now));
        command.Parameters.AddWithValue("account", accountId);
        command.Parameters.AddWithValue("salt", salt);
        command.Parameters.AddWithValue("hash", hash);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("expires", expiresAt);
        command.Parameters.Add(new NpgsqlParameter("ip", NpgsqlDbType.Text) { Value = (object?)ip ?? DBNull.Value });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The account's codes that still work (unused, unexpired, attempts left), locked until the transaction ends.</summary>
    public static async Task<List<(Guid Id, byte[] Salt, byte[] Hash)>> LiveForUpdateAsync(
        NpgsqlConnection connection, Guid accountId, DateTimeOffset now, int maxAttempts, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT id, salt, code_hash FROM recovery_requests
            WHERE account_id = @id AND used_at IS NULL AND expires_at > @now AND attempts < @max
            FOR UPDATE
            """, connection);
        command.Parameters.AddWithValue("id", accountId);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("max", maxAttempts);
        var live = new List<(Guid, byte[], byte[])>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            live.Add((reader.GetGuid(0), reader.GetFieldValue<byte[]>(1), reader.GetFieldValue<byte[]>(2)));
        }

        return live;
    }

    /// <summary>Counts a wrong code against each of these codes.</summary>
    public static async Task AddAttemptAsync(NpgsqlConnection connection, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("UPDATE recovery_requests SET attempts = attempts + 1 WHERE id = ANY(@ids)", connection);
        command.Parameters.AddWithValue("ids", ids.ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Uses up every code of the account that still works: one recovery ends them all.</summary>
    public static async Task UseAllAsync(NpgsqlConnection connection, Guid accountId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "UPDATE recovery_requests SET used_at = @now WHERE account_id = @id AND used_at IS NULL", connection);
        command.Parameters.AddWithValue("id", accountId);
        command.Parameters.AddWithValue("now", now);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
