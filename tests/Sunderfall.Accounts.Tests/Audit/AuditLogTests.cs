using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Sunderfall.Accounts.Audit;
using Sunderfall.Accounts.Tests.Database;
using Xunit;

namespace Sunderfall.Accounts.Tests.Audit;

[Collection(PostgresCollectionDefinition.Name)]
public sealed class AuditLogTests(PostgresDatabase database) : IAsyncLifetime
{
    private AccountsHarness harness = null!;

    public async Task InitializeAsync() => harness = await AccountsHarness.StartAsync(database);

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task AccountActions_ReachTheAuditLog_WithoutPasswordsOrTokens()
    {
        var (account, password, tokens) = await harness.RegisterAndLoginAsync("Abel");
        await harness.Accounts.LoginAsync(account.Username, "Wrong-Horse-42", "10.1.1.1");
        await harness.Accounts.RefreshAsync(tokens.RefreshToken, null);
        await harness.Accounts.RefreshAsync(tokens.RefreshToken, null);

        await harness.Audit.FlushAsync();
        var entries = await harness.Audit.QueryAsync(account.Id, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(5), 100);

        Assert.Equal(
            ["account.registered", "login.succeeded", "login.failed", "token.reuse_detected"],
            entries.OrderBy(e => e.Id).Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(account.Username, e.ActorName));
        Assert.Equal("10.1.1.1", entries.Single(e => e.Action == AuditActions.LoginFailed).Ip);
        var everything = string.Join('\n', entries.Select(e => $"{e.Target} {e.Details}"));
        Assert.DoesNotContain(password, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(tokens.RefreshToken, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(tokens.AccessToken, everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppRole_CannotUpdateDeleteOrTruncateTheAuditLog_ButCanAppend()
    {
        harness.Audit.Append(new AuditEvent("test.row", Target: "immutable"));
        await harness.Audit.FlushAsync();

        await using var connection = await database.AppDataSource.OpenConnectionAsync();
        foreach (var sql in new[] { "UPDATE audit_log SET action = 'rewritten'", "DELETE FROM audit_log", "TRUNCATE audit_log" })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
        }

        await using var insert = new NpgsqlCommand("INSERT INTO audit_log (action) VALUES ('test.direct')", connection);
        Assert.Equal(1, await insert.ExecuteNonQueryAsync());
    }

    [Fact]
    public async Task StopAsync_WritesEverythingQueued_InSeveralBatches()
    {
        var log = new AuditLog(database.AppDataSource, TimeProvider.System, NullLogger<AuditLog>.Instance);
        await log.StartAsync(CancellationToken.None);
        var actor = Guid.NewGuid();
        for (var i = 0; i < 1_234; i++)
        {
            log.Append(new AuditEvent("test.bulk", actor, Target: i.ToString(CultureInfo.InvariantCulture)));
        }

        await log.StopAsync(CancellationToken.None);
        log.Dispose();

        await using var count = database.OwnerDataSource.CreateCommand("SELECT count(*), count(DISTINCT target) FROM audit_log WHERE actor_id = @actor");
        count.Parameters.AddWithValue("actor", actor);
        await using var reader = await count.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.Equal(1_234, reader.GetInt64(0));
        Assert.Equal(1_234, reader.GetInt64(1));
        Assert.Equal(0, log.DroppedCount);
    }

    [Fact]
    public async Task Append_WithNulCharactersAndHugeValues_IsStillWritten()
    {
        var actor = Guid.NewGuid();
        harness.Audit.Append(new AuditEvent(
            "test.dirty", actor, "bad\0name", new string('t', 10_000), "::1",
            new Dictionary<string, string> { ["note"] = "nul\0inside", ["huge"] = new string('h', 100_000) }));

        await harness.Audit.FlushAsync();
        var entry = Assert.Single(await harness.Audit.QueryAsync(actor, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(5), 10));

        Assert.Equal("bad\uFFFDname", entry.ActorName);
        Assert.Equal(256, entry.Target!.Length);
        Assert.Contains("nul\uFFFDinside", entry.Details, StringComparison.Ordinal);
        Assert.Equal(0, harness.Audit.DroppedCount);
    }

    [Fact]
    public async Task QueryAsync_FiltersByActorAndTime_NewestFirst()
    {
        var actor = Guid.NewGuid();
        var start = DateTimeOffset.UtcNow.AddHours(-3);
        for (var hour = 0; hour < 3; hour++)
        {
            harness.Audit.Append(new AuditEvent($"test.hour{hour}", actor) { At = start.AddHours(hour) });
        }

        harness.Audit.Append(new AuditEvent("test.someone-else", Guid.NewGuid()) { At = start.AddHours(1) });
        await harness.Audit.FlushAsync();

        var lastTwo = await harness.Audit.QueryAsync(actor, start.AddMinutes(30), start.AddHours(3), 10);
        var newest = await harness.Audit.QueryAsync(actor, start, start.AddHours(3), 1);

        Assert.Equal(["test.hour2", "test.hour1"], lastTwo.Select(e => e.Action));
        Assert.Equal("test.hour2", Assert.Single(newest).Action);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => harness.Audit.QueryAsync(actor, start, start, 0));
        await Assert.ThrowsAsync<ArgumentException>(() => harness.Audit.QueryAsync(actor, start, start.AddHours(-1), 10));
    }
}
