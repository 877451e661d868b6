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
    public static Task<IReadOnlyList<string>> MigrateAsync(
        string connectionString, Action<string> log, CancellationToken cancellationToken = default) =>
        MigrateThroughAsync(connectionString, null, log, cancellationToken);

    /// <summary>
    /// Applies pending scripts up to and including the one whose file name starts with <paramref name="lastScript"/>
    /// (e.g. "0005"; null for all) and returns the names of the ones applied now. Tests use it to build the database a
    /// later migration starts from.
    /// </summary>
    public static async Task<IReadOnlyList<string>> MigrateThroughAsync(
        string connectionString, string? lastScript, Action<string> log, CancellationToken cancellationToken = default)
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
                .WithScriptsEmbeddedInAssembly(typeof(DatabaseMigrator).Assembly, name => IsThrough(name, lastScript))
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

    // Embedded names look like Sunderfall.Migrations.Scripts.0005_transactions_and_rewards.sql; the numbers sort.
    private static bool IsThrough(string resourceName, string? lastScript)
    {
        if (lastScript is null)
        {
            return true;
        }

        const string Folder = ".Scripts.";
        var file = resourceName[(resourceName.IndexOf(Folder, StringComparison.Ordinal) + Folder.Length)..];
        return string.CompareOrdinal(file[..Math.Min(file.Length, lastScript.Length)], lastScript) <= 0;
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
