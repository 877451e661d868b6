using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Sunderfall.Grains.Transactions;
using Sunderfall.Silo.Tests.Database;
using Sunderfall.Silo.Transactions;
using Xunit;

namespace Sunderfall.Silo.Tests.Transactions;

[Collection(PostgresCollectionDefinition.Name)]
public sealed class TransactionLogWriterTests(PostgresDatabase database)
{
    private static readonly DateTimeOffset Noon = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Append_ThousandsOfEntries_AreWrittenInBatchesAndFoundByPlayerAndTimeRange()
    {
        var (alice, bob) = (Guid.NewGuid(), Guid.NewGuid());
        using var writer = new TransactionLogWriter(database.AppDataSource, TimeProvider.System, NullLogger<TransactionLogWriter>.Instance);
        await writer.StartAsync(CancellationToken.None);

        // Alice acts once a second for 40 minutes; every tenth action targets Bob.
        for (var i = 0; i < 2_400; i++)
        {
            writer.Append(new TransactionEntry(
                Noon.AddSeconds(i), TransactionKinds.AbilityUsed, alice, TargetId: i % 10 == 0 ? bob : null, ZoneId: "ashen-vale/1",
                Details: new Dictionary<string, object?> { ["ability"] = "cleave", ["sequence"] = i }));
        }

        await writer.FlushAsync();
        await writer.StopAsync(CancellationToken.None);

        Assert.Equal(0, writer.DroppedCount);
        Assert.Equal(2_400L, await CountAsync("actor_id = @p", alice, Noon, Noon.AddHours(1)));
        // 12:10:00 to 12:19:59 inclusive: 600 entries, 60 of them aimed at Bob.
        Assert.Equal(600L, await CountAsync("actor_id = @p", alice, Noon.AddMinutes(10), Noon.AddMinutes(20).AddSeconds(-1)));
        Assert.Equal(60L, await CountAsync("target_id = @p", bob, Noon.AddMinutes(10), Noon.AddMinutes(20).AddSeconds(-1)));
        Assert.Equal(0L, await CountAsync("actor_id = @p", bob, Noon, Noon.AddHours(1)));
        var details = await database.ScalarAsOwnerAsync<string>(
            "SELECT details::text FROM transaction_log WHERE actor_id = @p AND at = @at", ("p", alice), ("at", Noon.AddSeconds(7).UtcDateTime));
        using var json = JsonDocument.Parse(details);
        Assert.Equal("cleave", json.RootElement.GetProperty("ability").GetString());
        Assert.Equal(7, json.RootElement.GetProperty("sequence").GetInt32());
    }

    [Fact]
    public async Task Append_DetailsWithNulNaNOrHugeText_AreStoredCleanedInsteadOfLost()
    {
        var player = Guid.NewGuid();
        using var writer = new TransactionLogWriter(database.AppDataSource, TimeProvider.System, NullLogger<TransactionLogWriter>.Instance);
        await writer.StartAsync(CancellationToken.None);

        writer.Append(new TransactionEntry(Noon, TransactionKinds.ChatZone, player, ZoneId: "zone\0with-nul",
            Details: new Dictionary<string, object?> { ["text"] = "hello\0world", ["ratio"] = double.NaN }));
        writer.Append(new TransactionEntry(Noon.AddSeconds(1), TransactionKinds.ChatZone, player,
            Details: new Dictionary<string, object?> { ["text"] = new string('x', 100_000) }));
        writer.Append(new TransactionEntry(Noon.AddSeconds(2), TransactionKinds.PartyCreated, player));
        await writer.FlushAsync();
        await writer.StopAsync(CancellationToken.None);

        Assert.Equal(0, writer.DroppedCount);
        var rows = await RowsAsync(player);
        Assert.Equal(3, rows.Count);
        Assert.Equal("zone\uFFFDwith-nul", rows[0].Zone);
        using (var first = JsonDocument.Parse(rows[0].Details!))
        {
            Assert.Equal("hello\uFFFDworld", first.RootElement.GetProperty("text").GetString());
            Assert.Equal("NaN", first.RootElement.GetProperty("ratio").GetString());
        }

        using (var second = JsonDocument.Parse(rows[1].Details!))
        {
            Assert.True(second.RootElement.GetProperty("truncated").GetBoolean());
        }

        Assert.Null(rows[2].Details);
    }

    [Fact]
    public async Task Append_WhileStopped_NeverThrowsAndCountsTheEntryAsDropped()
    {
        using var writer = new TransactionLogWriter(database.AppDataSource, TimeProvider.System, NullLogger<TransactionLogWriter>.Instance);
        await writer.StartAsync(CancellationToken.None);
        await writer.StopAsync(CancellationToken.None);

        writer.Append(new TransactionEntry(Noon, TransactionKinds.PartyLeft, Guid.NewGuid()));
        writer.Append(null!);

        Assert.Equal(1, writer.DroppedCount);
    }

    [Theory]
    [InlineData("UPDATE transaction_log SET details = NULL WHERE actor_id = @p")]
    [InlineData("UPDATE transaction_log SET at = at - interval '1 day' WHERE actor_id = @p")]
    [InlineData("DELETE FROM transaction_log WHERE actor_id = @p")]
    [InlineData("TRUNCATE transaction_log")]
    public async Task AppRole_RewritingTheLog_IsRefused(string sql)
    {
        var player = Guid.NewGuid();
        await database.ExecuteAsOwnerAsync(
            "INSERT INTO transaction_log (at, kind, actor_id) VALUES (now(), 'party.created', @p)", ("p", player));
        await using var command = database.AppDataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("p", player);

        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
        Assert.Single(await RowsAsync(player));
    }

    private Task<long> CountAsync(string condition, Guid player, DateTimeOffset from, DateTimeOffset to) =>
        database.ScalarAsOwnerAsync<long>(
            $"SELECT count(*) FROM transaction_log WHERE {condition} AND at BETWEEN @from AND @to",
            ("p", player), ("from", from.UtcDateTime), ("to", to.UtcDateTime));

    private async Task<List<(string? Zone, string? Details)>> RowsAsync(Guid player)
    {
        await using var command = database.OwnerDataSource.CreateCommand(
            "SELECT zone_id, details::text FROM transaction_log WHERE actor_id = @p ORDER BY at, id");
        command.Parameters.AddWithValue("p", player);
        var rows = new List<(string?, string?)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.IsDBNull(0) ? null : reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)));
        }

        return rows;
    }
}
