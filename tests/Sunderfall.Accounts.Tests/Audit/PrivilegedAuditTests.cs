using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Sunderfall.Accounts.Accounts;
using Sunderfall.Accounts.Audit;
using Sunderfall.Accounts.Tests.Database;
using Xunit;

namespace Sunderfall.Accounts.Tests.Audit;

/// <summary>
/// Role changes and bans write their audit row in the transaction of the change. The service here has an audit log
/// whose batch writer never runs (as after a crash right after the call): only rows written with the change exist.
/// </summary>
[Collection(PostgresCollectionDefinition.Name)]
public sealed class PrivilegedAuditTests(PostgresDatabase database) : IAsyncLifetime, IDisposable
{
    private AccountsHarness harness = null!;
    private AuditLog idleAudit = null!;
    private AccountModeration moderation = null!;
    private AccountInfo admin = null!;

    public async Task InitializeAsync()
    {
        var adminName = AccountsHarness.UniqueName("Admin");
        harness = await AccountsHarness.StartAsync(database, o => o.BootstrapAdmins.Add(adminName));
        idleAudit = new AuditLog(database.AppDataSource, harness.Clock, NullLogger<AuditLog>.Instance);
        // Its audit log never flushes a batch: a row the test finds was committed with the change.
        moderation = new AccountModeration(database.AppDataSource, idleAudit, harness.Clock);
        admin = (await harness.Accounts.RegisterAsync(adminName, $"{adminName}@example.com", "Correct-Horse-42", null)).Account!;
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    public void Dispose() => idleAudit.Dispose();

    [Fact]
    public async Task SetRolesAndBan_HaveTheirAuditRowsCommittedWhenTheCallReturns()
    {
        var (player, _) = await harness.RegisterAsync("Rowan");

        var promoted = await moderation.SetRolesAsync(admin.Id, admin.Username, player.Username, [Roles.Player, Roles.Moderator], "10.0.0.3");
        var banned = await moderation.BanAsync(admin.Id, admin.Username, player.Username, harness.Clock.GetUtcNow().AddDays(1), "botting", "10.0.0.3");
        var actions = await AuditActionsAsync(player.Username);

        Assert.True(promoted.Ok, promoted.Message);
        Assert.True(banned.Ok, banned.Message);
        // The registration's row goes through the batched log and may or may not be flushed yet: not the subject here.
        Assert.Equal([AuditActions.RolesChanged, AuditActions.AccountBanned], actions.Where(a => a != AuditActions.AccountRegistered));
    }

    [Fact]
    public async Task SetRolesAndBan_WhenTheAuditRowCannotBeWritten_ChangeNothing()
    {
        var (player, password) = await harness.RegisterAsync("Vetch");
        // A real refusal of the audit insert for this one target, as a full disk or a revoked grant would give.
        var constraint = "ck_test_refuse_" + Guid.NewGuid().ToString("N")[..8];
        await database.ExecuteAsOwnerAsync($"ALTER TABLE audit_log ADD CONSTRAINT {constraint} CHECK (target IS DISTINCT FROM '{player.Username}') NOT VALID");
        try
        {
            await Assert.ThrowsAsync<PostgresException>(() =>
                moderation.SetRolesAsync(admin.Id, admin.Username, player.Username, [Roles.Player, Roles.Admin], null));
            await Assert.ThrowsAsync<PostgresException>(() =>
                moderation.BanAsync(admin.Id, admin.Username, player.Username, harness.Clock.GetUtcNow().AddDays(1), "botting", null));
        }
        finally
        {
            await database.ExecuteAsOwnerAsync($"ALTER TABLE audit_log DROP CONSTRAINT {constraint}");
        }

        var found = await moderation.FindAsync(player.Username);
        var login = await harness.Accounts.LoginAsync(player.Username, password, null, CancellationToken.None);
        Assert.Equal([Roles.Player], found.Account!.Roles);
        Assert.Null(found.Account.BannedUntil);
        Assert.True(login.Ok, login.Message);
    }

    private async Task<List<string>> AuditActionsAsync(string target)
    {
        await using var command = database.OwnerDataSource.CreateCommand("SELECT action FROM audit_log WHERE target = @target ORDER BY id");
        command.Parameters.AddWithValue("target", target);
        var actions = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            actions.Add(reader.GetString(0));
        }

        return actions;
    }
}
