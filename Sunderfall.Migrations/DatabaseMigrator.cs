using DbUp;
using DbUp.Engine.Output;
using Npgsql;

namespace Sunderfall.Migrations;

/// <summary>
/// Applies the embedded, versioned SQL scripts to a PostgreSQL database. Scripts already applied are skipped, so
/// running it twice is a no-op; a session-level advisory lock makes silos that start together take turns.
/// </summary>
public static class DatabaseMigrator
{
    // Any fixed number works; it only has to be the same for every process that migrates this database.
    private const long MigrationLockKey = 0x53_75_6E_64_65_72;

    /// <summary>Applies pending scripts and returns the names of the ones applied now.</summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(
        string connectionString, Action<string> log, CancellationToken cancellationToken = default)
    {
        await using var lockConnection = new NpgsqlConnection(connectionString);
        await lockConnection.OpenAsync(cancellationToken);
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", lockConnection))
        {
            take.Parameters.AddWithValue("key", MigrationLockKey);
            await take.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            var upgrader = DeployChanges.To
                .PostgresqlDatabase(connectionString)
                .WithScriptsEmbeddedInAssembly(typeof(DatabaseMigrator).Assembly)
                .WithTransactionPerScript()
                .WithVariablesDisabled()
                .LogTo(new ActionLog(log))
                .Build();

            var result = upgrader.PerformUpgrade();
            if (!result.Successful)
            {
                throw new InvalidOperationException(
                    $"Migration {result.ErrorScript?.Name ?? "(unknown)"} failed: {result.Error?.Message}", result.Error);
            }

            return result.Scripts.Select(s => s.Name).ToList();
        }
        finally
        {
            await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", lockConnection);
            release.Parameters.AddWithValue("key", MigrationLockKey);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private sealed class ActionLog(Action<string> log) : IUpgradeLog
    {
        public void LogTrace(string format, params object[] args) { }

        public void LogDebug(string format, params object[] args) { }

        public void LogInformation(string format, params object[] args) => log(string.Format(format, args));

        public void LogWarning(string format, params object[] args) => log("warning: " + string.Format(format, args));

        public void LogError(string format, params object[] args) => log("error: " + string.Format(format, args));

        public void LogError(Exception ex, string format, params object[] args) =>
            log("error: " + string.Format(format, args) + ": " + ex.Message);
    }
}
