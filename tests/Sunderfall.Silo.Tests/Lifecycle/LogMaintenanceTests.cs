using System.IO.Compression;
using Sunderfall.Migrations;
using Xunit;

namespace Sunderfall.Silo.Tests.Lifecycle;

/// <summary>
/// The maintenance step (Sunderfall.Migrations maintain) on a database of its own: months past retention are archived
/// to a readable .csv.gz holding exactly their rows and dropped, recent months kept, coming months created, far-future
/// rows land in DEFAULT, long-expired tokens and codes purged while live ones stay, and a second run does nothing.
/// </summary>
public sealed class LogMaintenanceTests : IAsyncLifetime
{
    private readonly PostgresDatabase database = new();
    private readonly string archive = Path.Combine(Path.GetTempPath(), "sunderfall-archive-" + Guid.NewGuid().ToString("N"));

    public Task InitializeAsync() => database.InitializeAsync();

    public async Task DisposeAsync()
    {
        await database.DisposeAsync();
        if (Directory.Exists(archive))
        {
            Directory.Delete(archive, recursive: true);
        }
    }

    [Fact]
    public async Task Maintain_ArchivesExpiredMonths_KeepsRecentOnes_PurgesExpiredTokens_AndIsIdempotent()
    {
        var now = DateTime.UtcNow;
        var thisMonth = new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        // With 13 months kept, month -14 is the newest archived and month -13 the oldest kept.
        var old = thisMonth.AddMonths(-14);
        var recent = thisMonth.AddMonths(-2);
        var oldActors = new[] { Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid() };
        var oldTimes = new[] { old, old.AddDays(10), old.AddMonths(1).AddTicks(-10) };
        for (var i = 0; i < oldActors.Length; i++)
        {
            await InsertTransactionAsync(oldTimes[i], oldActors[i]);
        }

        await InsertTransactionAsync(old.AddMonths(1), Guid.NewGuid());
        await InsertTransactionAsync(recent, Guid.NewGuid());
        await InsertTransactionAsync(now, Guid.NewGuid());
        await database.ExecuteAsOwnerAsync("INSERT INTO audit_log (at, action) VALUES (@a, 'old'), (@b, 'kept'), (@c, 'kept')",
            ("a", thisMonth.AddMonths(-30)), ("b", old), ("c", now));

        var account = Guid.NewGuid();
        await database.ExecuteAsOwnerAsync(
            "INSERT INTO accounts (id, username, email, password_hash) VALUES (@id, @id::text, @id::text || '@x', 'h')", ("id", account));
        await database.ExecuteAsOwnerAsync(
            """
            INSERT INTO refresh_tokens (id, account_id, family_id, token_hash, created_at, expires_at)
            SELECT gen_random_uuid(), @id, gen_random_uuid(), sha256(gen_random_uuid()::text::bytea), e - interval '30 days', e
            FROM unnest(ARRAY[now() - interval '40 days', now() - interval '5 days', now() + interval '10 days']) AS e
            """, ("id", account));
        await database.ExecuteAsOwnerAsync(
            """
            INSERT INTO recovery_requests (id, account_id, salt, code_hash, created_at, expires_at)
            SELECT gen_random_uuid(), @id, substr(sha256('s'), 1, 16), sha256(gen_random_uuid()::text::bytea), e - interval '1 hour', e
            FROM unnest(ARRAY[now() - interval '40 days', now() + interval '1 hour']) AS e
            """, ("id", account));

        var first = await LogMaintenance.RunAsync(database.OwnerConnectionString, new MaintenanceOptions { ArchiveDirectory = archive });

        var oldPartition = $"transaction_log_{old:yyyy_MM}";
        var file = Path.Combine(archive, oldPartition + ".csv.gz");
        var lines = ReadGzipLines(file);
        Assert.StartsWith("id,at,kind,actor_id", lines[0]);
        Assert.Equal(oldActors.Length, lines.Count - 1);
        Assert.All(oldActors, actor => Assert.Single(lines, line => line.Contains(actor.ToString(), StringComparison.Ordinal)));
        Assert.Equal(1, ReadGzipLines(Path.Combine(archive, $"audit_log_{thisMonth.AddMonths(-30):yyyy_MM}.csv.gz")).Count - 1);
        Assert.False(await ExistsAsync(oldPartition));
        Assert.Equal(3, await database.ScalarAsOwnerAsync<long>("SELECT count(*) FROM transaction_log"));
        Assert.Equal(2, await database.ScalarAsOwnerAsync<long>("SELECT count(*) FROM audit_log"));
        Assert.True(await ExistsAsync($"transaction_log_{old.AddMonths(1):yyyy_MM}"));
        for (var ahead = 0; ahead <= 3; ahead++)
        {
            Assert.True(await ExistsAsync($"transaction_log_{thisMonth.AddMonths(ahead):yyyy_MM}"));
            Assert.True(await ExistsAsync($"audit_log_{thisMonth.AddMonths(ahead):yyyy_MM}"));
        }

        Assert.Equal(2, await database.ScalarAsOwnerAsync<long>("SELECT count(*) FROM refresh_tokens"));
        Assert.Equal(0, await database.ScalarAsOwnerAsync<long>("SELECT count(*) FROM refresh_tokens WHERE expires_at < now() - interval '30 days'"));
        Assert.Equal(1, await database.ScalarAsOwnerAsync<long>("SELECT count(*) FROM recovery_requests WHERE expires_at > now()"));
        Assert.Equal(1, await database.ScalarAsOwnerAsync<long>("SELECT count(*) FROM recovery_requests"));
        Assert.Equal(1, (int)first["purged"]!["refresh_tokens"]!);

        var second = await LogMaintenance.RunAsync(database.OwnerConnectionString, new MaintenanceOptions { ArchiveDirectory = archive });

        Assert.Equal(
            """{"transaction_log":{"created":[],"archived":[],"retention_months":13},"audit_log":{"created":[],"archived":[],"retention_months":25},"purged":{"refresh_tokens":0,"recovery_requests":0,"mfa_recovery_codes":0}}""",
            second.ToJsonString());
        Assert.Equal(3, await database.ScalarAsOwnerAsync<long>("SELECT count(*) FROM transaction_log"));

        await using var farFuture = database.AppDataSource.CreateCommand(
            "INSERT INTO transaction_log (at, kind, actor_id) VALUES (@at, 'party.created', gen_random_uuid()) RETURNING tableoid::regclass::text");
        farFuture.Parameters.AddWithValue("at", thisMonth.AddYears(5));
        Assert.Equal("transaction_log_default", (string)(await farFuture.ExecuteScalarAsync())!);
    }

    private static List<string> ReadGzipLines(string path)
    {
        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        return lines;
    }

    private Task InsertTransactionAsync(DateTime at, Guid actor) =>
        database.ExecuteAsOwnerAsync("INSERT INTO transaction_log (at, kind, actor_id) VALUES (@at, 'party.created', @p)", ("at", at), ("p", actor));

    private async Task<bool> ExistsAsync(string table) =>
        await database.ScalarAsOwnerAsync<bool>("SELECT to_regclass(@t) IS NOT NULL", ("t", table));
}
