using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Sunderfall.Stores.Support;

/// <summary>
/// The support queries over the silo's tables (docs/support.md): a player's transaction log over a time range, and a
/// committed encounter with its grants and their delivery. The reconciliation is <see cref="ResourceReconciler"/>.
/// </summary>
public sealed class SupportStore(NpgsqlDataSource dataSource)
{
    /// <summary>The player's transactions as actor or target within [<paramref name="from"/>, <paramref name="to"/>], newest first.</summary>
    public async Task<IReadOnlyList<TransactionRow>> QueryTransactionsAsync(
        Guid playerId, DateTimeOffset from, DateTimeOffset to, string? kind, int limit, CancellationToken cancellationToken = default)
    {
        // Two index range scans (as actor, as target), each cut to the limit, merged newest first.
        await using var command = dataSource.CreateCommand("""
            SELECT id, at, kind, actor_id, target_id, encounter_id, zone_id, details::text
            FROM (
                (SELECT * FROM transaction_log
                 WHERE actor_id = @player AND at >= @from AND at <= @to AND (@kind::text IS NULL OR kind = @kind)
                 ORDER BY at DESC, id DESC LIMIT @limit)
                UNION ALL
                (SELECT * FROM transaction_log
                 WHERE target_id = @player AND actor_id <> @player AND at >= @from AND at <= @to AND (@kind::text IS NULL OR kind = @kind)
                 ORDER BY at DESC, id DESC LIMIT @limit)
            ) AS entries
            ORDER BY at DESC, id DESC
            LIMIT @limit
            """);
        command.Parameters.AddWithValue("player", playerId);
        command.Parameters.AddWithValue("from", from.ToUniversalTime());
        command.Parameters.AddWithValue("to", to.ToUniversalTime());
        command.Parameters.Add(new NpgsqlParameter<string?>("kind", NpgsqlDbType.Text) { TypedValue = kind });
        command.Parameters.AddWithValue("limit", limit);
        var rows = new List<TransactionRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new TransactionRow(
                reader.GetInt64(0),
                reader.GetFieldValue<DateTimeOffset>(1),
                reader.GetString(2),
                reader.GetGuid(3),
                reader.IsDBNull(4) ? null : reader.GetGuid(4),
                reader.IsDBNull(5) ? null : reader.GetGuid(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.IsDBNull(7) ? null : Parse(reader.GetString(7))));
        }

        return rows;
    }

    /// <summary>The committed encounter with its grants, read in one snapshot; null when none was committed.</summary>
    public async Task<EncounterReport?> FindEncounterAsync(Guid encounterId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // One snapshot for the encounter and its grants.
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        await using var encounter = new NpgsqlCommand(
            "SELECT zone_id, ended_at, committed_at, record::text FROM encounters WHERE encounter_id = @encounter", connection, transaction);
        encounter.Parameters.AddWithValue("encounter", encounterId);
        string zoneId;
        DateTimeOffset endedAt, committedAt;
        JsonElement record;
        await using (var reader = await encounter.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            (zoneId, endedAt, committedAt, record) =
                (reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetFieldValue<DateTimeOffset>(2), Parse(reader.GetString(3)));
        }

        await using var grants = new NpgsqlCommand("""
            SELECT player_id, experience, gold, items::text, earned_at, committed_at, delivered_at
            FROM reward_grants WHERE encounter_id = @encounter ORDER BY player_id
            """, connection, transaction);
        grants.Parameters.AddWithValue("encounter", encounterId);
        var rows = new List<GrantRow>();
        await using (var reader = await grants.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                DateTimeOffset? deliveredAt = reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6);
                rows.Add(new GrantRow(
                    reader.GetGuid(0),
                    reader.GetInt64(1),
                    reader.GetInt64(2),
                    Parse(reader.GetString(3)),
                    reader.GetFieldValue<DateTimeOffset>(4),
                    reader.GetFieldValue<DateTimeOffset>(5),
                    deliveredAt,
                    deliveredAt is not null));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return new EncounterReport(encounterId, zoneId, endedAt, committedAt, record, rows);
    }

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
