using Npgsql;
using Sunderfall.Migrations;
using Xunit;

namespace Sunderfall.Silo.Tests.Lifecycle;

/// <summary>
/// Migration 0006 turns transaction_log and audit_log into monthly partitioned tables: on a database migrated to 0005
/// and holding rows across months (month boundaries included), every row survives with identical content, lands in
/// its month's partition, and sunderfall_app still may only read and append.
/// </summary>
public sealed class PartitionedLogsMigrationTests : IAsyncLifetime
{
    // The last microsecond of a month and the first of the next, a leap day, and months a year apart.
    private static readonly string[] Times =
    [
        "2025-01-31 23:59:59.999999+00",
        "2025-02-01 00:00:00+00",
        "2025-02-28 12:00:00+00",
        "2024-02-29 08:30:00+00",
        "2025-12-31 23:59:59.999999+00",
        "2026-01-01 00:00:00+00",
        "2026-06-15 10:00:00+00",
    ];

    private readonly PostgresDatabase database = new() { MigrateThrough = "0005" };

    public Task InitializeAsync() => database.InitializeAsync();

    public Task DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task Migration0006_KeepsEveryRow_InItsMonthsPartition()
    {
        var player = Guid.NewGuid();
        foreach (var (time, i) in Times.Select((t, i) => (t, i)))
        {
            await database.ExecuteAsOwnerAsync(
                "INSERT INTO transaction_log (at, kind, actor_id, target_id, encounter_id, zone_id, details) " +
                "VALUES (@at::timestamptz, 'reward.granted', @p, CASE WHEN @i % 2 = 0 THEN gen_random_uuid() END, gen_random_uuid(), " +
                "CASE WHEN @i % 3 = 0 THEN NULL ELSE 'zone-' || @i END, jsonb_build_object('n', @i, 'text', 'é\"\\'))",
                ("at", time), ("p", player), ("i", i));
            await database.ExecuteAsOwnerAsync(
                "INSERT INTO audit_log (at, actor_id, actor_name, action, target, ip, details) " +
                "VALUES (@at::timestamptz, CASE WHEN @i % 2 = 0 THEN @p END, 'admin', 'account.banned', 'acct-' || @i, '10.0.0.' || @i, " +
                "CASE WHEN @i % 3 = 0 THEN NULL ELSE jsonb_build_object('n', @i) END)",
                ("at", time), ("p", player), ("i", i));
        }

        await database.ExecuteAsOwnerAsync("INSERT INTO audit_log (action) VALUES ('defaulted.time')");
        var transactionsBefore = await SnapshotAsync("transaction_log");
        var auditBefore = await SnapshotAsync("audit_log");
        Assert.Equal(Times.Length, transactionsBefore.Count);
        Assert.Equal(Times.Length + 1, auditBefore.Count);

        var applied = await DatabaseMigrator.MigrateAsync(database.OwnerConnectionString, _ => { });

        Assert.Contains(applied, name => name.Contains("0006_", StringComparison.Ordinal));
        Assert.Equal(transactionsBefore, await SnapshotAsync("transaction_log"));
        Assert.Equal(auditBefore, await SnapshotAsync("audit_log"));
        foreach (var table in new[] { "transaction_log", "audit_log" })
        {
            Assert.Equal('p', await database.ScalarAsOwnerAsync<char>($"SELECT relkind FROM pg_class WHERE oid = '{table}'::regclass"));
            var misplaced = await database.ScalarAsOwnerAsync<long>(
                $"SELECT count(*) FROM {table} WHERE tableoid::regclass::text <> '{table}_' || to_char(at AT TIME ZONE 'UTC', 'YYYY_MM')");
            Assert.Equal(0, misplaced);
            // Ids go on from the old sequence.
            var maxBefore = await database.ScalarAsOwnerAsync<long>($"SELECT max(id) FROM {table}");
            await using var insert = database.AppDataSource.CreateCommand(table == "audit_log"
                ? "INSERT INTO audit_log (action) VALUES ('after.migration') RETURNING id"
                : "INSERT INTO transaction_log (at, kind, actor_id) VALUES (now(), 'party.created', gen_random_uuid()) RETURNING id");
            Assert.True((long)(await insert.ExecuteScalarAsync())! > maxBefore);
        }

        Assert.Equal(Times.Select(t => DateTimeOffset.Parse(t).ToString("yyyy_MM")).Distinct().Count(),
            await database.ScalarAsOwnerAsync<long>(
                "SELECT count(DISTINCT tableoid) FROM transaction_log WHERE actor_id = @p", ("p", player)));
    }

    [Theory]
    [InlineData("UPDATE transaction_log SET details = NULL")]
    [InlineData("DELETE FROM transaction_log")]
    [InlineData("TRUNCATE transaction_log")]
    [InlineData("UPDATE audit_log SET action = 'rewritten'")]
    [InlineData("DELETE FROM audit_log")]
    [InlineData("TRUNCATE audit_log")]
    [InlineData("DELETE FROM transaction_log_default")]
    [InlineData("TRUNCATE audit_log_default")]
    public async Task AppRole_RewritingThePartitionedLogs_IsRefused(string sql)
    {
        await DatabaseMigrator.MigrateAsync(database.OwnerConnectionString, _ => { });
        await database.ExecuteAsOwnerAsync("INSERT INTO transaction_log (at, kind, actor_id) VALUES (now(), 'party.created', gen_random_uuid())");
        await database.ExecuteAsOwnerAsync("INSERT INTO transaction_log (at, kind, actor_id) VALUES ('2999-01-01Z', 'party.created', gen_random_uuid())");
        await database.ExecuteAsOwnerAsync("INSERT INTO audit_log (action) VALUES ('x')");
        await using var command = database.AppDataSource.CreateCommand(sql);

        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
        Assert.Equal(2, await database.ScalarAsOwnerAsync<long>("SELECT count(*) FROM transaction_log"));
        Assert.Equal(1, await database.ScalarAsOwnerAsync<long>("SELECT count(*) FROM audit_log"));
    }

    private async Task<List<string>> SnapshotAsync(string table)
    {
        await using var command = database.OwnerDataSource.CreateCommand(
            $"SELECT (to_jsonb(t) - 'tableoid')::text FROM {table} t ORDER BY id");
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
