using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Sunderfall.Stores.CheatFlags;

/// <summary>
/// The owner of cheat_flags. Flags are written through <see cref="CheatFlagWriter"/> (queued, batched, never on a
/// caller's hot path) or, by jobs that must not repeat a flag, with <see cref="InsertUnlessFlaggedSinceAsync"/>;
/// moderators list and review them here.
/// </summary>
public sealed class CheatFlagStore(NpgsqlDataSource dataSource)
{
    private const int MaxTextLength = 256;

    private const string Columns = "id, at, account_id, player_id, kind, severity, count, details::text, reviewed_at, reviewed_by";

    /// <summary>Flags raised within [<paramref name="from"/>, <paramref name="to"/>], newest first, optionally of one player and kind.</summary>
    public async Task<IReadOnlyList<CheatFlagEntry>> QueryAsync(
        Guid? playerId, string? kind, DateTimeOffset from, DateTimeOffset to, int limit, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT {Columns}
            FROM cheat_flags
            WHERE at >= @from AND at <= @to
              AND (@player::uuid IS NULL OR player_id = @player)
              AND (@kind::text IS NULL OR kind = @kind)
            ORDER BY at DESC, id DESC
            LIMIT @limit
            """);
        command.Parameters.AddWithValue("from", from.ToUniversalTime());
        command.Parameters.AddWithValue("to", to.ToUniversalTime());
        command.Parameters.Add(new NpgsqlParameter<Guid?>("player", NpgsqlDbType.Uuid) { TypedValue = playerId });
        command.Parameters.Add(new NpgsqlParameter<string?>("kind", NpgsqlDbType.Text) { TypedValue = kind });
        command.Parameters.AddWithValue("limit", limit);
        return await ReadAsync(command, cancellationToken);
    }

    /// <summary>Marks the flag reviewed unless it already was; returns it as now stored, or null when nothing changed.</summary>
    public async Task<CheatFlagEntry?> ReviewAsync(long id, Guid moderator, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"""
            UPDATE cheat_flags SET reviewed_at = now(), reviewed_by = @moderator
            WHERE id = @id AND reviewed_at IS NULL
            RETURNING {Columns}
            """);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("moderator", moderator);
        return (await ReadAsync(command, cancellationToken)).FirstOrDefault();
    }

    /// <summary>The flag with this id, or null.</summary>
    public async Task<CheatFlagEntry?> FindAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM cheat_flags WHERE id = @id");
        command.Parameters.AddWithValue("id", id);
        return (await ReadAsync(command, cancellationToken)).FirstOrDefault();
    }

    /// <summary>
    /// Raises the flag unless the same player was flagged for the same kind at or after <paramref name="since"/>
    /// (a job judging a window flags each player at most once per window); true when a row was written.
    /// </summary>
    public async Task<bool> InsertUnlessFlaggedSinceAsync(CheatFlagReport flag, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(flag);
        await using var command = dataSource.CreateCommand("""
            INSERT INTO cheat_flags (at, account_id, player_id, kind, severity, count, details)
            SELECT @at, @account, @player, @kind, @severity, @count, @details
            WHERE NOT EXISTS (SELECT 1 FROM cheat_flags WHERE player_id IS NOT DISTINCT FROM @player AND kind = @kind AND at >= @since)
            """);
        command.Parameters.AddWithValue("at", flag.At.ToUniversalTime());
        command.Parameters.Add(new NpgsqlParameter<Guid?>("account", NpgsqlDbType.Uuid) { TypedValue = flag.AccountId });
        command.Parameters.Add(new NpgsqlParameter<Guid?>("player", NpgsqlDbType.Uuid) { TypedValue = flag.PlayerId });
        command.Parameters.AddWithValue("kind", Clean(flag.Kind));
        command.Parameters.AddWithValue("severity", flag.Severity);
        command.Parameters.AddWithValue("count", flag.Count);
        command.Parameters.AddWithValue("since", since.ToUniversalTime());
        command.Parameters.Add(new NpgsqlParameter("details", NpgsqlDbType.Jsonb) { Value = DetailsJson(flag.Details) });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    // PostgreSQL text cannot hold NUL, and jsonb refuses \u0000; long values are cut so one flag cannot bloat the table.
    internal static string Clean(string text)
    {
        var cleaned = text.Replace('\0', '\uFFFD');
        return cleaned.Length <= MaxTextLength ? cleaned : cleaned[..MaxTextLength];
    }

    internal static string DetailsJson(IReadOnlyDictionary<string, object> details) =>
        JsonSerializer.Serialize(details.ToDictionary(p => Clean(p.Key), p => p.Value is string s ? Clean(s) : p.Value));

    private static async Task<List<CheatFlagEntry>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var entries = new List<CheatFlagEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new CheatFlagEntry(
                reader.GetInt64(0),
                reader.GetFieldValue<DateTimeOffset>(1),
                reader.IsDBNull(2) ? null : reader.GetGuid(2),
                reader.IsDBNull(3) ? null : reader.GetGuid(3),
                reader.GetString(4),
                reader.GetInt16(5),
                reader.GetInt32(6),
                reader.IsDBNull(7) ? null : ParseObject(reader.GetString(7)),
                reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8),
                reader.IsDBNull(9) ? null : reader.GetGuid(9)));
        }

        return entries;
    }

    private static JsonElement ParseObject(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
