using Npgsql;
using Sunderfall.Content;
using Sunderfall.Grains.World;
using Sunderfall.Migrations;
using Sunderfall.ServiceDefaults.Clustering;
using Sunderfall.ServiceDefaults.Configuration;

namespace Sunderfall.Silo.Hosting;

/// <summary>
/// Checks a silo's dependencies before Orleans starts, so a missing or unreachable PostgreSQL or Redis ends the
/// process with one line naming the setting and the address tried, instead of a retry loop or a stack trace.
/// Applies the schema migrations on the way.
/// </summary>
public static class SiloStartupChecks
{
    /// <summary>
    /// Loads and validates the game content once; the silo then serves this same catalog. Returns null and sets
    /// <paramref name="failure"/> to the text to print when the content is unusable.
    /// </summary>
    public static ContentCatalog? LoadContent(IConfiguration configuration, out string? failure)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var contentOptions = configuration.GetSection(ContentOptions.SectionName).Get<ContentOptions>() ?? new ContentOptions();
        try
        {
            var content = ContentLoader.Load(contentOptions.FullPath);
            var world = configuration.GetSection(WorldOptions.SectionName).Get<WorldOptions>() ?? new WorldOptions();
            failure = content.Zones.ContainsKey(world.StartZone)
                ? null
                : $"silo: World:StartZone '{world.StartZone}' is not a zone in {contentOptions.FullPath}; known zones: {string.Join(", ", content.Zones.Keys)}";
            return failure is null ? content : null;
        }
        catch (ContentValidationException ex)
        {
            failure = $"silo: the content in {contentOptions.FullPath} is invalid ({ex.Errors.Count} problem(s)):{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", ex.Errors)}";
            return null;
        }
    }

    /// <summary>
    /// Returns null when PostgreSQL and Redis are usable (migrating on the way in Development), else the one line to
    /// print. Outside Development the silo must run as the application role only: no owner's connection string, no
    /// migrations, and a runtime role that neither owns the schema nor is a superuser.
    /// </summary>
    public static async Task<string?> RunAsync(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        const string storageKey = StorageOptions.SectionName + ":" + nameof(StorageOptions.ConnectionString);
        var storage = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        if (string.IsNullOrWhiteSpace(storage.ConnectionString))
        {
            return $"silo: {storageKey} is not set (set {SunderfallConfiguration.EnvironmentName(storageKey)})";
        }

        const string migrationKey = StorageOptions.SectionName + ":" + nameof(StorageOptions.MigrationConnectionString);
        const string applyKey = StorageOptions.SectionName + ":" + nameof(StorageOptions.ApplyMigrations);
        var development = environment.IsDevelopment();
        if (!development && !string.IsNullOrWhiteSpace(storage.MigrationConnectionString))
        {
            return $"silo: {migrationKey} is set: outside Development a silo never holds the schema owner's connection string. " +
                   $"Apply the migrations as a separate step (Sunderfall.Migrations with the owner's connection string, docs/deployment.md) " +
                   $"and remove {SunderfallConfiguration.EnvironmentName(migrationKey)}";
        }

        if (!development && storage.ApplyMigrations == true)
        {
            return $"silo: {applyKey}=true is allowed only in Development: elsewhere the migrations are a separate step run as the " +
                   $"schema owner before the silos start (remove {SunderfallConfiguration.EnvironmentName(applyKey)})";
        }

        if (storage.ApplyMigrations ?? development)
        {
            var (key, connectionString) = string.IsNullOrWhiteSpace(storage.MigrationConnectionString)
                ? (storageKey, storage.ConnectionString)
                : (migrationKey, storage.MigrationConnectionString);
            if (await UsePostgresAsync(key, connectionString, c => DatabaseMigrator.MigrateAsync(c, _ => { })) is { } failure)
            {
                return failure;
            }
        }

        if (await UsePostgresAsync(storageKey, storage.ConnectionString, ProbeAsync) is { } probeFailure)
        {
            return probeFailure;
        }

        if (!development && await OwnerRoleAsync(storage.ConnectionString) is { } owner)
        {
            return $"silo: {storageKey} logs in as {owner}: outside Development silos connect as the application role " +
                   "(sunderfall_app), which may not alter the schema or rewrite the audit log; give the silo that role's connection string";
        }

        const string redisKey = ClusteringOptions.SectionName + ":" + nameof(ClusteringOptions.Redis);
        var cluster = configuration.GetSection(ClusteringOptions.SectionName).Get<ClusteringOptions>() ?? new ClusteringOptions();
        if (await RedisConnection.ProbeAsync(cluster.Redis) is { } redisError)
        {
            return $"silo: cannot reach Redis at {RedisConnection.Describe(cluster.Redis)} ({redisKey}): {redisError}";
        }

        return null;
    }

    private static async Task<string?> UsePostgresAsync(string key, string connectionString, Func<string, Task> use)
    {
        NpgsqlConnectionStringBuilder target;
        try
        {
            target = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            return $"silo: {key} is not a valid Npgsql connection string: {ex.Message}";
        }

        try
        {
            await use(connectionString);
            return null;
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            return $"silo: cannot use PostgreSQL at {target.Host}:{target.Port}/{target.Database} as {target.Username} ({key}): {FirstLine(ex)}";
        }
    }

    private static async Task ProbeAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM grain_state WHERE false", connection);
        await command.ExecuteScalarAsync();
    }

    /// <summary>"role X, a superuser" or "role X, which owns the schema" when the runtime role has those rights; else null.</summary>
    private static async Task<string?> OwnerRoleAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT current_user, r.rolsuper, pg_has_role(current_user, c.relowner, 'USAGE')
            FROM pg_roles r, pg_class c
            WHERE r.rolname = current_user AND c.oid = 'grain_state'::regclass
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            return null;
        }

        var role = reader.GetString(0);
        return reader.GetBoolean(1) ? $"role {role}, a superuser" : reader.GetBoolean(2) ? $"role {role}, which owns the schema" : null;
    }

    private static string FirstLine(Exception ex) => (ex.InnerException?.Message ?? ex.Message).Split('\n')[0].Trim();
}
