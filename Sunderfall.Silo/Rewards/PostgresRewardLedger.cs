using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Sunderfall.Grains.Interfaces.Inventory;
using Sunderfall.Grains.Interfaces.Rewards;
using Sunderfall.Grains.Rewards;
using Sunderfall.Grains.Transactions;
using Sunderfall.Silo.Transactions;

namespace Sunderfall.Silo.Rewards;

/// <summary>
/// The reward ledger in PostgreSQL (encounters, reward_grants), used as the application role. A commit writes the
/// encounter, its grants and one transaction_log entry per grant in one transaction, so the log of rewards is exactly
/// as durable as the rewards; the encounter id makes a commit happen once however often (or concurrently) it is tried.
/// Database errors surface as exceptions (<see cref="NpgsqlException.IsTransient"/> tells whether a retry can help):
/// callers retry, and a retried commit that had in fact succeeded returns false. A commit whose encounter id was
/// committed before with a different record is a collision, not a retry, and throws instead of returning false.
/// </summary>
public sealed class PostgresRewardLedger(NpgsqlDataSource dataSource) : IRewardLedger
{
    /// <summary>Players returned at most by one <see cref="PlayersWithUndeliveredGrantsAsync"/>.</summary>
    public const int MaxPlayersPerQuery = 10_000;

    /// <inheritdoc/>
    public async Task<bool> CommitAsync(EncounterCommit commit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commit);
        Validate(commit);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // A concurrent commit of the same encounter waits here for the first to finish, then inserts nothing.
        await using (var encounter = new NpgsqlCommand("""
            INSERT INTO encounters (encounter_id, zone_id, ended_at, record)
            VALUES (@encounter, @zone, @ended, @record)
            ON CONFLICT (encounter_id) DO NOTHING
            """, connection, transaction))
        {
            encounter.Parameters.AddWithValue("encounter", commit.EncounterId);
            encounter.Parameters.AddWithValue("zone", commit.ZoneId);
            encounter.Parameters.AddWithValue("ended", commit.EndedAt.ToUniversalTime());
            encounter.Parameters.Add(new NpgsqlParameter<string>("record", NpgsqlDbType.Jsonb) { TypedValue = JsonbSafe(commit.RecordJson) });
            if (await encounter.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                var sameRecord = await IsCommittedRecordAsync(connection, transaction, commit, cancellationToken);
                await transaction.RollbackAsync(cancellationToken);
                return sameRecord
                    ? false
                    : throw new InvalidOperationException(
                        $"encounter {commit.EncounterId} was committed before with a different record: two encounters share an id, " +
                        "and this one's rewards cannot be committed under it (encounter ids must be unique across zone activations)");
            }
        }

        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            if (commit.Grants.Count > 0)
            {
                batch.BatchCommands.Add(GrantsCommand(commit));
                batch.BatchCommands.Add(LogCommand(commit));
            }

            if (commit.Log is { Count: > 0 } log)
            {
                var entries = new NpgsqlBatchCommand($"INSERT INTO transaction_log {EntryColumns} SELECT * FROM {EntriesSource}");
                AddEntries(entries.Parameters, log);
                batch.BatchCommands.Add(entries);
            }

            if (batch.BatchCommands.Count > 0)
            {
                await batch.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<RewardGrant>> PendingGrantsAsync(Guid playerId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT encounter_id, player_id, experience, gold, items::text, earned_at
            FROM reward_grants
            WHERE player_id = @player AND delivered_at IS NULL
            ORDER BY committed_at, encounter_id
            """);
        command.Parameters.AddWithValue("player", playerId);
        var grants = new List<RewardGrant>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            grants.Add(new RewardGrant(
                reader.GetGuid(0),
                reader.GetGuid(1),
                reader.GetInt64(2),
                reader.GetInt64(3),
                ReadItems(reader.GetString(4)),
                reader.GetFieldValue<DateTimeOffset>(5)));
        }

        return grants;
    }

    /// <inheritdoc/>
    public async Task MarkDeliveredAsync(
        Guid encounterId, Guid playerId, IReadOnlyList<TransactionEntry>? log = null, CancellationToken cancellationToken = default)
    {
        // The first mark stands: a second delivery neither moves delivered_at nor fails. One statement: the entries are
        // inserted only if this very update marked the grant (a concurrent second mark waits for the first, then finds
        // delivered_at set and inserts nothing).
        await using var command = dataSource.CreateCommand(log is { Count: > 0 }
            ? $"""
                WITH marked AS (
                    UPDATE reward_grants SET delivered_at = now()
                    WHERE encounter_id = @encounter AND player_id = @player AND delivered_at IS NULL
                    RETURNING 1)
                INSERT INTO transaction_log {EntryColumns}
                SELECT * FROM {EntriesSource}
                WHERE EXISTS (SELECT 1 FROM marked)
                """
            : """
                UPDATE reward_grants SET delivered_at = now()
                WHERE encounter_id = @encounter AND player_id = @player AND delivered_at IS NULL
                """);
        command.Parameters.AddWithValue("encounter", encounterId);
        command.Parameters.AddWithValue("player", playerId);
        if (log is { Count: > 0 })
        {
            AddEntries(command.Parameters, log);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<Guid>> PlayersWithUndeliveredGrantsAsync(TimeSpan olderThan, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(olderThan, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxPlayersPerQuery);

        // The database's clock on both sides: committed_at is stamped by it, whatever the silos' clocks say.
        await using var command = dataSource.CreateCommand("""
            SELECT player_id
            FROM reward_grants
            WHERE delivered_at IS NULL AND committed_at <= now() - @older_than
            GROUP BY player_id
            ORDER BY min(committed_at)
            LIMIT @limit
            """);
        command.Parameters.AddWithValue("older_than", olderThan);
        command.Parameters.AddWithValue("limit", limit);
        var players = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            players.Add(reader.GetGuid(0));
        }

        return players;
    }

    /// <inheritdoc/>
    /// <remarks>The record as jsonb gives it back: the same JSON value, not necessarily the same text (key order, spacing).</remarks>
    public async Task<string?> GetEncounterAsync(Guid encounterId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT record::text FROM encounters WHERE encounter_id = @encounter");
        command.Parameters.AddWithValue("encounter", encounterId);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    // A retried commit carries the same record; a different record under a committed id is a collision, which must
    // not pass for a retry (its players' rewards would be silently lost).
    private static async Task<bool> IsCommittedRecordAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, EncounterCommit commit, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT record = @record FROM encounters WHERE encounter_id = @encounter", connection, transaction);
        command.Parameters.AddWithValue("encounter", commit.EncounterId);
        command.Parameters.Add(new NpgsqlParameter<string>("record", NpgsqlDbType.Jsonb) { TypedValue = JsonbSafe(commit.RecordJson) });
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    private static void Validate(EncounterCommit commit)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(commit.ZoneId);
        ArgumentException.ThrowIfNullOrWhiteSpace(commit.RecordJson);
        ArgumentNullException.ThrowIfNull(commit.Grants);
        var players = new HashSet<Guid>();
        foreach (var grant in commit.Grants)
        {
            var problem = grant switch
            {
                null => "a grant is null",
                _ when grant.EncounterId != commit.EncounterId => $"grant {grant.GrantId} belongs to encounter {grant.EncounterId}, not {commit.EncounterId}",
                _ when !players.Add(grant.PlayerId) => $"player {grant.PlayerId} has two grants; merge them into one",
                _ when grant.Experience < 0 || grant.Gold < 0 => $"grant {grant.GrantId} has negative experience ({grant.Experience}) or gold ({grant.Gold})",
                _ when grant.Items is null => $"grant {grant.GrantId} has no item list (use an empty one)",
                _ when grant.Items.Any(i => i is null || string.IsNullOrWhiteSpace(i.ItemId) || i.Count < 1) =>
                    $"grant {grant.GrantId} has an item without an id or with a count below 1",
                _ => null,
            };
            if (problem is not null)
            {
                throw new ArgumentException($"encounter {commit.EncounterId} cannot be committed: {problem}", nameof(commit));
            }
        }
    }

    private static NpgsqlBatchCommand GrantsCommand(EncounterCommit commit)
    {
        var command = new NpgsqlBatchCommand("""
            INSERT INTO reward_grants (encounter_id, player_id, experience, gold, items, earned_at)
            SELECT @encounter, g.player_id, g.experience, g.gold, g.items, g.earned_at
            FROM unnest(@players, @experience, @gold, @items, @earned) AS g(player_id, experience, gold, items, earned_at)
            """);
        command.Parameters.AddWithValue("encounter", commit.EncounterId);
        command.Parameters.AddWithValue("players", commit.Grants.Select(g => g.PlayerId).ToArray());
        command.Parameters.AddWithValue("experience", commit.Grants.Select(g => g.Experience).ToArray());
        command.Parameters.AddWithValue("gold", commit.Grants.Select(g => g.Gold).ToArray());
        command.Parameters.Add(new NpgsqlParameter<string[]>("items", NpgsqlDbType.Array | NpgsqlDbType.Jsonb)
        {
            TypedValue = commit.Grants.Select(g => ItemsJson(g.Items)).ToArray(),
        });
        command.Parameters.AddWithValue("earned", commit.Grants.Select(g => g.At.UtcDateTime).ToArray());
        return command;
    }

    private static NpgsqlBatchCommand LogCommand(EncounterCommit commit)
    {
        var command = new NpgsqlBatchCommand("""
            INSERT INTO transaction_log (at, kind, actor_id, encounter_id, zone_id, details)
            SELECT g.at, @kind, g.player_id, @encounter, @zone, g.details
            FROM unnest(@players, @at, @details) AS g(player_id, at, details)
            """);
        command.Parameters.AddWithValue("kind", TransactionKinds.RewardGranted);
        command.Parameters.AddWithValue("encounter", commit.EncounterId);
        command.Parameters.AddWithValue("zone", commit.ZoneId);
        command.Parameters.AddWithValue("players", commit.Grants.Select(g => g.PlayerId).ToArray());
        command.Parameters.AddWithValue("at", commit.Grants.Select(g => g.At.UtcDateTime).ToArray());
        command.Parameters.Add(new NpgsqlParameter<string[]>("details", NpgsqlDbType.Array | NpgsqlDbType.Jsonb)
        {
            TypedValue = commit.Grants.Select(g => TransactionJson.Serialize(new { experience = g.Experience, gold = g.Gold, items = g.Items })!).ToArray(),
        });
        return command;
    }

    private const string EntryColumns = "(at, kind, actor_id, target_id, encounter_id, zone_id, details)";

    // The rows of AddEntries' arrays, in EntryColumns' order.
    private const string EntriesSource =
        "unnest(@log_at, @log_kind, @log_actor, @log_target, @log_encounter, @log_zone, @log_details) AS e(at, kind, actor_id, target_id, encounter_id, zone_id, details)";

    // Transaction log entries cleaned as TransactionLogWriter cleans them, one array per column.
    private static void AddEntries(NpgsqlParameterCollection parameters, IReadOnlyList<TransactionEntry> entries)
    {
        parameters.AddWithValue("log_at", entries.Select(e => e.At.UtcDateTime).ToArray());
        parameters.AddWithValue("log_kind", entries.Select(e => TransactionJson.Clean(e.Kind ?? "", TransactionLogWriter.MaxTextLength)).ToArray());
        parameters.AddWithValue("log_actor", entries.Select(e => e.ActorId).ToArray());
        parameters.Add(new NpgsqlParameter<Guid?[]>("log_target", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { TypedValue = [.. entries.Select(e => e.TargetId)] });
        parameters.Add(new NpgsqlParameter<Guid?[]>("log_encounter", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { TypedValue = [.. entries.Select(e => e.EncounterId)] });
        parameters.Add(new NpgsqlParameter<string?[]>("log_zone", NpgsqlDbType.Array | NpgsqlDbType.Text)
        {
            TypedValue = [.. entries.Select(e => e.ZoneId is null ? null : TransactionJson.Clean(e.ZoneId, TransactionLogWriter.MaxTextLength))],
        });
        parameters.Add(new NpgsqlParameter<string?[]>("log_details", NpgsqlDbType.Array | NpgsqlDbType.Jsonb)
        {
            TypedValue = [.. entries.Select(e => TransactionJson.Serialize(e.Details))],
        });
    }

    private static string ItemsJson(IReadOnlyList<ItemCount> items) => JsonSerializer.Serialize(items, TransactionJson.Options);

    private static List<ItemCount> ReadItems(string json) =>
        JsonSerializer.Deserialize<List<ItemCount>>(json, TransactionJson.Options) ?? [];

    // jsonb refuses the NUL escape; a record is never refused for it (the commit carries players' rewards).
    private static string JsonbSafe(string json) => json.Replace("\\u0000", "\\uFFFD", StringComparison.Ordinal);
}
