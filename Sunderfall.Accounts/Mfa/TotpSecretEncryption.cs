using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Sunderfall.Accounts.Mfa;

/// <summary>
/// Encrypts, when the host starts, the authenticator secrets stored in plain text before encryption existed (the
/// migration of existing rows; it needs the key, which the database must not hold, so it cannot be a SQL script).
/// Idempotent and safe with several frontends starting at once: rows are locked and encrypted values skipped.
/// </summary>
public sealed partial class TotpSecretEncryption(NpgsqlDataSource dataSource, TotpSecretProtector protector, ILogger<TotpSecretEncryption> logger) : IHostedService
{
    // Plain secrets are TotpCodes.SecretBytes long; encrypted ones are longer and start with "SFT1".
    private const string PlainRows = """
        SELECT id, mfa_secret, mfa_pending_secret FROM accounts
        WHERE length(mfa_secret) = 20 OR length(mfa_pending_secret) = 20
        LIMIT 500 FOR UPDATE
        """;

    /// <inheritdoc/>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            var total = await EncryptPlainSecretsAsync(cancellationToken);
            if (total > 0)
            {
                LogEncrypted(logger, total);
            }
        }
        catch (NpgsqlException ex)
        {
            // Plain secrets stay readable; the next start encrypts them.
            LogFailed(logger, ex);
        }
    }

    /// <inheritdoc/>
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Encrypts every plain secret left; returns how many accounts it changed.</summary>
    public async Task<int> EncryptPlainSecretsAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var rows = new List<(Guid Id, byte[]? Secret, byte[]? Pending)>();
            await using (var select = new NpgsqlCommand(PlainRows, connection, transaction))
            await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    rows.Add((reader.GetGuid(0),
                        reader.IsDBNull(1) ? null : reader.GetFieldValue<byte[]>(1),
                        reader.IsDBNull(2) ? null : reader.GetFieldValue<byte[]>(2)));
                }
            }

            if (rows.Count == 0)
            {
                return total;
            }

            foreach (var (id, secret, pending) in rows)
            {
                await using var update = new NpgsqlCommand(
                    "UPDATE accounts SET mfa_secret = @secret, mfa_pending_secret = @pending WHERE id = @id", connection, transaction);
                update.Parameters.AddWithValue("id", id);
                update.Parameters.Add(new NpgsqlParameter("secret", NpgsqlTypes.NpgsqlDbType.Bytea) { Value = (object?)Encrypted(id, secret) ?? DBNull.Value });
                update.Parameters.Add(new NpgsqlParameter("pending", NpgsqlTypes.NpgsqlDbType.Bytea) { Value = (object?)Encrypted(id, pending) ?? DBNull.Value });
                await update.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            total += rows.Count;
        }
    }

    private byte[]? Encrypted(Guid id, byte[]? stored) =>
        stored is null || TotpSecretProtector.IsEncrypted(stored) ? stored : protector.Protect(id, stored);

    [LoggerMessage(Level = LogLevel.Information, Message = "two-step sign-in: encrypted the plain-text authenticator secrets of {Count} accounts")]
    private static partial void LogEncrypted(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "two-step sign-in: encrypting plain-text authenticator secrets failed; the next start tries again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
