using Npgsql;

namespace Sunderfall.Accounts.Mfa;

/// <summary>The SQL behind two-step sign-in: one function per statement, no rules.</summary>
internal static class MfaStore
{
    /// <summary>Keeps a new secret waiting for confirmation; replaces one already waiting. False when MFA is on.</summary>
    public static async Task<bool> SetPendingSecretAsync(NpgsqlDataSource dataSource, Guid accountId, byte[] secret, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE accounts SET mfa_pending_secret = @secret WHERE id = @id AND NOT mfa_enabled");
        command.Parameters.AddWithValue("id", accountId);
        command.Parameters.AddWithValue("secret", secret);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>
    /// Makes the waiting secret the active one, with the step of the code that confirmed it. False when the waiting
    /// secret changed meanwhile or MFA was turned on by another request.
    /// </summary>
    public static async Task<bool> EnableAsync(NpgsqlConnection connection, Guid accountId, byte[] pendingSecret, long step, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            UPDATE accounts
            SET mfa_enabled = true, mfa_secret = mfa_pending_secret, mfa_pending_secret = NULL, mfa_last_step = @step
            WHERE id = @id AND NOT mfa_enabled AND mfa_pending_secret = @secret
            """, connection);
        command.Parameters.AddWithValue("id", accountId);
        command.Parameters.AddWithValue("secret", pendingSecret);
        command.Parameters.AddWithValue("step", step);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Turns MFA off, forgets the secrets and deletes the recovery codes. False when it was already off.</summary>
    public static async Task<bool> DisableAsync(NpgsqlConnection connection, Guid accountId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            UPDATE accounts
            SET mfa_enabled = false, mfa_secret = NULL, mfa_pending_secret = NULL, mfa_last_step = NULL
            WHERE id = @id AND mfa_enabled
            """, connection);
        command.Parameters.AddWithValue("id", accountId);
        var changed = await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        await DeleteRecoveryCodesAsync(connection, accountId, cancellationToken);
        return changed;
    }

    /// <summary>
    /// Records that a code of this time step was accepted. False when a code of this step or a later one already was:
    /// the code is a replay. One statement, so two requests racing with the same code cannot both win.
    /// </summary>
    public static async Task<bool> TryUseStepAsync(NpgsqlDataSource dataSource, Guid accountId, long step, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE accounts SET mfa_last_step = @step
            WHERE id = @id AND mfa_enabled AND (mfa_last_step IS NULL OR mfa_last_step < @step)
            """);
        command.Parameters.AddWithValue("id", accountId);
        command.Parameters.AddWithValue("step", step);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public static async Task DeleteRecoveryCodesAsync(NpgsqlConnection connection, Guid accountId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("DELETE FROM mfa_recovery_codes WHERE account_id = @id", connection);
        command.Parameters.AddWithValue("id", accountId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task InsertRecoveryCodesAsync(
        NpgsqlConnection connection, Guid accountId, IEnumerable<(byte[] Salt, byte[] Hash)> codes, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var (salt, hash) in codes)
        {
            await using var command = new NpgsqlCommand("""
                INSERT INTO mfa_recovery_codes (id, account_id, salt, code_hash, created_at)
                VALUES (@id, @account, @salt, @hash, @now)
                """, connection);
            command.Parameters.AddWithValue("id", Guid.CreateVersion7(now));
            command.Parameters.AddWithValue("account", accountId);
            command.Parameters.AddWithValue("salt", salt);
            command.Parameters.AddWithValue("hash", hash);
            command.Parameters.AddWithValue("now", now);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>The account's unused recovery codes (id, salt, hash).</summary>
    public static async Task<List<(Guid Id, byte[] Salt, byte[] Hash)>> UnusedRecoveryCodesAsync(
        NpgsqlDataSource dataSource, Guid accountId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT id, salt, code_hash FROM mfa_recovery_codes WHERE account_id = @id AND used_at IS NULL");
        command.Parameters.AddWithValue("id", accountId);
        var codes = new List<(Guid, byte[], byte[])>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            codes.Add((reader.GetGuid(0), reader.GetFieldValue<byte[]>(1), reader.GetFieldValue<byte[]>(2)));
        }

        return codes;
    }

    /// <summary>Uses up one recovery code. False when another request used it first.</summary>
    public static async Task<bool> TryUseRecoveryCodeAsync(NpgsqlDataSource dataSource, Guid codeId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("UPDATE mfa_recovery_codes SET used_at = @now WHERE id = @id AND used_at IS NULL");
        command.Parameters.AddWithValue("id", codeId);
        command.Parameters.AddWithValue("now", now);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}
