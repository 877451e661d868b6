using System.Globalization;
using System.IO.Compression;
using System.Text.Json.Nodes;
using Npgsql;

namespace Sunderfall.Migrations;

/// <summary>
/// The data lifecycle's scheduled step, run as the schema owner (docs/operations.md, "Data lifecycle"): creates the
/// monthly partitions of transaction_log and audit_log ahead of time (and for past months whose rows sit in the DEFAULT
/// partition), detaches the months older than their retention, exports each to DIR/table_YYYY_MM.csv.gz and drops it
/// only once that file is written and flushed to disk, and purges refresh tokens and one-time codes long expired or
/// used. Idempotent: a second run finds nothing to do. reward_grants and encounters are never touched.
/// </summary>
public static class LogMaintenance
{
    /// <summary>Runs every step and returns what it did, as one JSON object.</summary>
    public static async Task<JsonObject> RunAsync(string ownerConnectionString, MaintenanceOptions options, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(options.ArchiveDirectory);
        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "SET TimeZone = 'UTC'", cancellationToken);

        var now = DateTime.UtcNow;
        var thisMonth = new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        var report = new JsonObject();
        foreach (var (table, months) in new[] { ("transaction_log", options.TransactionLogMonths), ("audit_log", options.AuditLogMonths) })
        {
            report[table] = await MaintainTableAsync(connection, table, thisMonth, months, options, cancellationToken);
        }

        var purgeBefore = now.AddDays(-options.PurgeAfterDays);
        report["purged"] = new JsonObject
        {
            ["refresh_tokens"] = await DeleteAsync(connection, "DELETE FROM refresh_tokens WHERE expires_at < @before", purgeBefore, cancellationToken),
            ["recovery_requests"] = await DeleteAsync(connection,
                "DELETE FROM recovery_requests WHERE created_at < @before AND (expires_at < @before OR used_at < @before)", purgeBefore, cancellationToken),
            ["mfa_recovery_codes"] = await DeleteAsync(connection, "DELETE FROM mfa_recovery_codes WHERE used_at < @before", purgeBefore, cancellationToken),
        };
        return report;
    }

    private static async Task<JsonObject> MaintainTableAsync(
        NpgsqlConnection connection, string table, DateTime thisMonth, int retentionMonths, MaintenanceOptions options, CancellationToken cancellationToken)
    {
        var created = new JsonArray();
        var archived = new JsonArray();
        var horizon = thisMonth.AddMonths(options.MonthsAhead + 1);

        // Past and coming months whose rows went to DEFAULT get their partition (the rows move into it); rows beyond
        // the horizon stay in DEFAULT.
        var months = new SortedSet<DateTime>();
        await using (var command = new NpgsqlCommand(
            $"SELECT DISTINCT date_trunc('month', at)::date FROM {table}_default WHERE at < @horizon", connection))
        {
            command.Parameters.AddWithValue("horizon", horizon);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                months.Add(DateTime.SpecifyKind(reader.GetDateTime(0), DateTimeKind.Utc));
            }
        }

        for (var month = thisMonth; month < horizon; month = month.AddMonths(1))
        {
            months.Add(month);
        }

        foreach (var month in months)
        {
            await using var ensure = new NpgsqlCommand("SELECT log_partition_ensure(@table, @month)", connection);
            ensure.Parameters.AddWithValue("table", table);
            ensure.Parameters.AddWithValue("month", DateOnly.FromDateTime(month));
            if ((bool)(await ensure.ExecuteScalarAsync(cancellationToken))!)
            {
                created.Add(PartitionName(table, month));
            }
        }

        // Every table named table_YYYY_MM, attached or left detached by an interrupted run, older than the retention.
        var cutoff = thisMonth.AddMonths(-retentionMonths);
        var expired = new List<(string Name, bool Attached)>();
        await using (var command = new NpgsqlCommand(
            """
            SELECT c.relname, EXISTS (SELECT 1 FROM pg_inherits i WHERE i.inhrelid = c.oid)
            FROM pg_class c
            WHERE c.relkind = 'r' AND c.relnamespace = current_schema()::regnamespace AND c.relname ~ ('^' || @table || '_[0-9]{4}_[0-9]{2}$')
            ORDER BY c.relname
            """, connection))
        {
            command.Parameters.AddWithValue("table", table);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var name = reader.GetString(0);
                var month = DateTime.ParseExact(name[(table.Length + 1)..], "yyyy_MM", CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
                if (month.AddMonths(1) <= cutoff)
                {
                    expired.Add((name, reader.GetBoolean(1)));
                }
            }
        }

        foreach (var (name, attached) in expired)
        {
            if (attached)
            {
                await ExecuteAsync(connection, $"ALTER TABLE {table} DETACH PARTITION {name}", cancellationToken);
            }

            var rows = (long)(await new NpgsqlCommand($"SELECT count(*) FROM {name}", connection).ExecuteScalarAsync(cancellationToken))!;
            var file = await ExportAsync(connection, name, options.ArchiveDirectory, cancellationToken);
            await ExecuteAsync(connection, $"DROP TABLE {name}", cancellationToken);
            archived.Add(new JsonObject { ["partition"] = name, ["rows"] = rows, ["file"] = file });
        }

        return new JsonObject { ["created"] = created, ["archived"] = archived, ["retention_months"] = retentionMonths };
    }

    // Written to a temporary name, flushed to disk, then renamed: a file with the final name is always complete.
    private static async Task<string> ExportAsync(NpgsqlConnection connection, string partition, string directory, CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(Path.Combine(directory, partition + ".csv.gz"));
        var temporary = path + ".partial";
        await using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            await using (var gzip = new GZipStream(file, CompressionLevel.Optimal, leaveOpen: true))
            await using (var writer = new StreamWriter(gzip))
            using (var export = await connection.BeginTextExportAsync($"COPY {partition} TO STDOUT (FORMAT csv, HEADER)", cancellationToken))
            {
                var buffer = new char[81920];
                int read;
                while ((read = await export.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    await writer.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }

            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
        return path;
    }

    private static async Task<int> DeleteAsync(NpgsqlConnection connection, string sql, DateTime before, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("before", before);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string PartitionName(string table, DateTime month) => $"{table}_{month:yyyy_MM}";
}
