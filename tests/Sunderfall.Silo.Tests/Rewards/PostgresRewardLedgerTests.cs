using System.Text.Json;
using Npgsql;
using Sunderfall.Grains.Interfaces.Inventory;
using Sunderfall.Grains.Interfaces.Rewards;
using Sunderfall.Grains.Rewards;
using Sunderfall.Grains.Transactions;
using Sunderfall.Silo.Rewards;
using Sunderfall.Silo.Tests.Database;
using Xunit;

namespace Sunderfall.Silo.Tests.Rewards;

[Collection(PostgresCollectionDefinition.Name)]
public sealed class PostgresRewardLedgerTests(PostgresDatabase database)
{
    private readonly PostgresRewardLedger ledger = new(database.AppDataSource);

    [Fact]
    public async Task CommitAsync_NewEncounter_WritesTheEncounterItsGrantsAndOneLogEntryPerGrant()
    {
        var commit = Encounter(players: 3);

        var committed = await ledger.CommitAsync(commit);

        Assert.True(committed);
        Assert.Equal(1L, await CountAsync("encounters", commit.EncounterId));
        Assert.Equal(3L, await CountAsync("reward_grants", commit.EncounterId));
        Assert.Equal(3L, await database.ScalarAsOwnerAsync<long>(
            "SELECT count(*) FROM transaction_log WHERE encounter_id = @e AND kind = @kind AND zone_id = 'ashen-vale/1'",
            ("e", commit.EncounterId), ("kind", TransactionKinds.RewardGranted)));
        var first = commit.Grants[0];
        var details = await database.ScalarAsOwnerAsync<string>(
            "SELECT details::text FROM transaction_log WHERE encounter_id = @e AND actor_id = @p", ("e", commit.EncounterId), ("p", first.PlayerId));
        using var json = JsonDocument.Parse(details);
        Assert.Equal(first.Experience, json.RootElement.GetProperty("experience").GetInt64());
        Assert.Equal(first.Gold, json.RootElement.GetProperty("gold").GetInt64());
        Assert.Equal("wolf-pelt", json.RootElement.GetProperty("items")[0].GetProperty("itemId").GetString());
    }

    [Fact]
    public async Task CommitAsync_SameEncounterTwice_ReturnsFalseAndAddsNothing()
    {
        var commit = Encounter(players: 2);
        Assert.True(await ledger.CommitAsync(commit));

        var again = await ledger.CommitAsync(commit);

        Assert.False(again);
        Assert.Equal(1L, await CountAsync("encounters", commit.EncounterId));
        Assert.Equal(2L, await CountAsync("reward_grants", commit.EncounterId));
        Assert.Equal(2L, await CountAsync("transaction_log", commit.EncounterId));
        Assert.Equal((decimal)commit.Grants.Sum(g => g.Gold), await database.ScalarAsOwnerAsync<decimal>(
            "SELECT sum(gold) FROM reward_grants WHERE encounter_id = @e", ("e", commit.EncounterId)));
    }

    [Fact]
    public async Task CommitAsync_AnotherEncounterUnderACommittedId_IsRefusedLoudlyAndChangesNothing()
    {
        var commit = Encounter(players: 1);
        Assert.True(await ledger.CommitAsync(commit));
        var collision = Encounter(players: 2) with { EncounterId = commit.EncounterId, RecordJson = """{"seed": 43}""" };
        collision = collision with { Grants = [.. collision.Grants.Select(g => g with { EncounterId = commit.EncounterId })] };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ledger.CommitAsync(collision));

        Assert.Contains("different record", error.Message, StringComparison.Ordinal);
        Assert.Equal(1L, await CountAsync("reward_grants", commit.EncounterId));
        Assert.Equal(1L, await CountAsync("transaction_log", commit.EncounterId));
    }

    [Fact]
    public async Task CommitAsync_SameEncounterFromEightTasksAtOnce_CommitsExactlyOnce()
    {
        var commit = Encounter(players: 4);
        using var start = new ManualResetEventSlim();

        var attempts = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            return await ledger.CommitAsync(commit);
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(attempts);

        Assert.Single(results, r => r);
        Assert.Equal(1L, await CountAsync("encounters", commit.EncounterId));
        Assert.Equal(4L, await CountAsync("reward_grants", commit.EncounterId));
        Assert.Equal(4L, await CountAsync("transaction_log", commit.EncounterId));
    }

    [Fact]
    public async Task CommitAsync_WhenTheLogEntriesAreRefused_CommitsNoEncounterAndNoGrant()
    {
        // Only the transaction_log insert (the last step of a commit) fails for this zone.
        await database.ExecuteAsOwnerAsync("""
            DO $$ BEGIN
                ALTER TABLE transaction_log ADD CONSTRAINT test_refuse_zone CHECK (zone_id IS DISTINCT FROM 'refused-zone');
            EXCEPTION WHEN duplicate_object THEN NULL;
            END $$
            """);
        var commit = Encounter(players: 2) with { ZoneId = "refused-zone" };

        var error = await Assert.ThrowsAsync<PostgresException>(() => ledger.CommitAsync(commit));

        Assert.Equal(PostgresErrorCodes.CheckViolation, error.SqlState);
        Assert.Equal(0L, await CountAsync("encounters", commit.EncounterId));
        Assert.Equal(0L, await CountAsync("reward_grants", commit.EncounterId));
        Assert.True(await ledger.CommitAsync(commit with { ZoneId = "ashen-vale/1" }), "a failed commit must leave the encounter committable");
    }

    [Fact]
    public async Task CommitAsync_GrantOfAnotherEncounter_IsRefusedBeforeWritingAnything()
    {
        var commit = Encounter(players: 1);
        var stray = commit with { Grants = [commit.Grants[0] with { EncounterId = Guid.NewGuid() }] };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => ledger.CommitAsync(stray));

        Assert.Contains("belongs to encounter", error.Message, StringComparison.Ordinal);
        Assert.Equal(0L, await CountAsync("encounters", commit.EncounterId));
    }

    [Fact]
    public async Task PendingGrantsAsync_ThenMarkDeliveredAsync_RoundTripsTheGrantAndStopsOwingIt()
    {
        var player = Guid.NewGuid();
        var older = Encounter(players: 0, extra: player);
        var newer = Encounter(players: 0, extra: player);
        await ledger.CommitAsync(older);
        await ledger.CommitAsync(newer);

        var pending = await ledger.PendingGrantsAsync(player);
        await ledger.MarkDeliveredAsync(older.EncounterId, player);
        var firstMark = await DeliveredAtAsync(older.EncounterId, player);
        await ledger.MarkDeliveredAsync(older.EncounterId, player);
        var afterSecondMark = await DeliveredAtAsync(older.EncounterId, player);
        var stillPending = await ledger.PendingGrantsAsync(player);

        Assert.Equal([older.EncounterId, newer.EncounterId], pending.Select(g => g.EncounterId));
        var expected = older.Grants.Single(g => g.PlayerId == player);
        var read = pending[0];
        Assert.Equal((expected.PlayerId, expected.Experience, expected.Gold), (read.PlayerId, read.Experience, read.Gold));
        Assert.Equal(expected.Items, read.Items);
        Assert.Equal(expected.At, read.At);
        Assert.NotNull(firstMark);
        Assert.Equal(firstMark, afterSecondMark);
        Assert.Equal([newer.EncounterId], stillPending.Select(g => g.EncounterId));
    }

    [Fact]
    public async Task MarkDeliveredAsync_WritesTheAppliedEntriesWithTheFirstMarkOnly()
    {
        var player = Guid.NewGuid();
        var commit = Encounter(players: 0, extra: player);
        await ledger.CommitAsync(commit);
        var at = new DateTimeOffset(2025, 6, 1, 18, 31, 0, TimeSpan.Zero);
        TransactionEntry[] log =
        [
            new(at, TransactionKinds.RewardApplied, player, null, commit.EncounterId, "ashen-vale/1", new Dictionary<string, object?> { ["gold"] = 7L, ["level"] = 2 }),
            new(at, TransactionKinds.LevelUp, player, null, commit.EncounterId, "ashen-vale/1", new Dictionary<string, object?> { ["from"] = 1, ["to"] = 2 }),
        ];

        // A second delivery (the first one's mark was lost to a crash after it committed) recognises the grant and marks it again.
        await ledger.MarkDeliveredAsync(commit.EncounterId, player, log);
        await ledger.MarkDeliveredAsync(commit.EncounterId, player, log);

        Assert.Equal(1L, await CountKindAsync(TransactionKinds.RewardApplied, commit.EncounterId));
        Assert.Equal(1L, await CountKindAsync(TransactionKinds.LevelUp, commit.EncounterId));
        Assert.Equal("""{"to": 2, "from": 1}""", await database.ScalarAsOwnerAsync<string>(
            "SELECT details::text FROM transaction_log WHERE encounter_id = @e AND kind = @kind AND actor_id = @p AND at = @at",
            ("e", commit.EncounterId), ("kind", TransactionKinds.LevelUp), ("p", player), ("at", at)));
        Assert.Empty(await ledger.PendingGrantsAsync(player));
    }

    [Fact]
    public async Task CommitAsync_WithFurtherEntries_WritesThemWithTheEncounterOnce()
    {
        var commit = Encounter(players: 1);
        var participant = Guid.NewGuid();
        commit = commit with
        {
            Log = [new(commit.EndedAt, TransactionKinds.EncounterEnded, participant, null, commit.EncounterId, commit.ZoneId, new Dictionary<string, object?> { ["hits"] = 3 })],
        };

        Assert.True(await ledger.CommitAsync(commit));
        Assert.False(await ledger.CommitAsync(commit));

        Assert.Equal(1L, await CountKindAsync(TransactionKinds.EncounterEnded, commit.EncounterId));
        Assert.Equal(participant, await database.ScalarAsOwnerAsync<Guid>(
            "SELECT actor_id FROM transaction_log WHERE encounter_id = @e AND kind = @kind", ("e", commit.EncounterId), ("kind", TransactionKinds.EncounterEnded)));
    }

    [Fact]
    public async Task PlayersWithUndeliveredGrantsAsync_ListsOnlyPlayersOwedGrantsOlderThanAsked()
    {
        var owed = Guid.NewGuid();
        var served = Guid.NewGuid();
        var commit = Encounter(players: 0, extra: owed);
        await ledger.CommitAsync(commit);
        var other = Encounter(players: 0, extra: served);
        await ledger.CommitAsync(other);
        await ledger.MarkDeliveredAsync(other.EncounterId, served);

        var anyAge = await ledger.PlayersWithUndeliveredGrantsAsync(TimeSpan.Zero, 10_000);
        var olderThanAnHour = await ledger.PlayersWithUndeliveredGrantsAsync(TimeSpan.FromHours(1), 10_000);

        Assert.Contains(owed, anyAge);
        Assert.DoesNotContain(served, anyAge);
        Assert.DoesNotContain(owed, olderThanAnHour);
    }

    [Fact]
    public async Task GetEncounterAsync_ReturnsTheCommittedRecordOrNull()
    {
        var commit = Encounter(players: 1);
        await ledger.CommitAsync(commit);

        var record = await ledger.GetEncounterAsync(commit.EncounterId);
        var missing = await ledger.GetEncounterAsync(Guid.NewGuid());

        Assert.NotNull(record);
        using var json = JsonDocument.Parse(record);
        Assert.Equal(42, json.RootElement.GetProperty("seed").GetInt32());
        Assert.Equal(2, json.RootElement.GetProperty("inputs").GetArrayLength());
        Assert.Null(missing);
    }

    [Theory]
    [InlineData("UPDATE reward_grants SET gold = gold + 1000 WHERE encounter_id = @e")]
    [InlineData("UPDATE reward_grants SET items = '[]' WHERE encounter_id = @e")]
    [InlineData("DELETE FROM reward_grants WHERE encounter_id = @e")]
    [InlineData("UPDATE encounters SET record = '{}' WHERE encounter_id = @e")]
    [InlineData("DELETE FROM encounters WHERE encounter_id = @e")]
    [InlineData("TRUNCATE reward_grants")]
    public async Task AppRole_ChangingCommittedRewards_IsRefused(string sql)
    {
        var commit = Encounter(players: 1);
        await ledger.CommitAsync(commit);
        await using var command = database.AppDataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("e", commit.EncounterId);

        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
        Assert.Equal(1L, await CountAsync("reward_grants", commit.EncounterId));
    }

    [Fact]
    public async Task AppRole_ClearingOrMovingADeliveryTime_IsRefused()
    {
        var commit = Encounter(players: 1);
        var player = commit.Grants[0].PlayerId;
        await ledger.CommitAsync(commit);
        await ledger.MarkDeliveredAsync(commit.EncounterId, player);

        foreach (var sql in new[] { "UPDATE reward_grants SET delivered_at = NULL", "UPDATE reward_grants SET delivered_at = now() + interval '1 day'" })
        {
            await using var command = database.AppDataSource.CreateCommand(sql + " WHERE encounter_id = @e");
            command.Parameters.AddWithValue("e", commit.EncounterId);

            var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());

            Assert.Equal(PostgresErrorCodes.IntegrityConstraintViolation, error.SqlState);
        }

        Assert.Empty(await ledger.PendingGrantsAsync(player));
    }

    private static EncounterCommit Encounter(int players, Guid? extra = null)
    {
        var id = Guid.NewGuid();
        var at = new DateTimeOffset(2025, 6, 1, 18, 30, 0, TimeSpan.Zero).AddTicks(Random.Shared.Next(1, 1_000_000) * 10L);
        var ids = Enumerable.Range(0, players).Select(_ => Guid.NewGuid()).Concat(extra is { } e ? [e] : []);
        var grants = ids.Select((p, i) => new RewardGrant(id, p, 100 + i, 7 + i, [new ItemCount("wolf-pelt", 1 + i), new ItemCount("minor-potion", 2)], at)).ToList();
        return new EncounterCommit(id, "ashen-vale/1", at, """{"seed": 42, "inputs": [{"t": 1}, {"t": 2}], "outcome": "won"}""", grants);
    }

    private Task<long> CountKindAsync(string kind, Guid encounterId) =>
        database.ScalarAsOwnerAsync<long>("SELECT count(*) FROM transaction_log WHERE encounter_id = @e AND kind = @kind", ("e", encounterId), ("kind", kind));

    private Task<long> CountAsync(string table, Guid encounterId) =>
        database.ScalarAsOwnerAsync<long>($"SELECT count(*) FROM {table} WHERE encounter_id = @e", ("e", encounterId));

    private async Task<DateTime?> DeliveredAtAsync(Guid encounterId, Guid playerId)
    {
        await using var command = database.OwnerDataSource.CreateCommand("SELECT delivered_at FROM reward_grants WHERE encounter_id = @e AND player_id = @p");
        command.Parameters.AddWithValue("e", encounterId);
        command.Parameters.AddWithValue("p", playerId);
        return await command.ExecuteScalarAsync() as DateTime?;
    }
}
