using System.Text;
using Npgsql;
using Sunderfall.Migrations;
using Xunit;

namespace Sunderfall.TestSupport.Database;

/// <summary>
/// A fresh database per test run on the PostgreSQL that ./test.sh starts: created through the owner role named in
/// SUNDERFALL_TEST_POSTGRES (or the postgres superuser when the owner may not create databases), migrated as the
/// owner, and used by the code under test as sunderfall_app, the role silos and frontends run as. Dropped at the end.
/// One source file, compiled into each database test project (tests/Shared); the database is named after the project.
/// </summary>
public sealed class PostgresDatabase : IAsyncLifetime
{
    public const string EnvironmentVariable = "SUNDERFALL_TEST_POSTGRES";
    public const string AppRole = "sunderfall_app";

    private string? adminConnectionString;

    public string DatabaseName { get; } =
        typeof(PostgresDatabase).Assembly.GetName().Name!.Split('.')[1].ToLowerInvariant() + "_test_" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>The schema owner on the test database: set-up and inspection.</summary>
    public string OwnerConnectionString { get; private set; } = "";

    /// <summary>The application role on the test database: what the code under test connects as.</summary>
    public string AppConnectionString { get; private set; } = "";

    /// <summary>The last migration to apply (e.g. "0005"), for tests of a later one; null applies all.</summary>
    public string? MigrateThrough { get; init; }

    public NpgsqlDataSource AppDataSource { get; private set; } = null!;

    public NpgsqlDataSource OwnerDataSource { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(configured))
        {
            throw new InvalidOperationException(
                $"{EnvironmentVariable} is not set, so the database tests cannot run: run ./test.sh, which starts PostgreSQL " +
                "and sets it (or start it as scripts/lib.sh does and export " +
                $"{EnvironmentVariable}=\"Host=127.0.0.1;Port=56432;Database=sunderfall_test;Username=sunderfall\").");
        }

        var owner = new NpgsqlConnectionStringBuilder(configured);
        adminConnectionString = await ChooseAdminAsync(owner);
        await using (var admin = new NpgsqlConnection(adminConnectionString))
        {
            await admin.OpenAsync();
            await ExecuteAsync(admin, $"CREATE DATABASE \"{DatabaseName}\" OWNER \"{owner.Username}\"");
            if (!await ExistsAsync(admin, $"SELECT 1 FROM pg_roles WHERE rolname = '{AppRole}'"))
            {
                try
                {
                    await ExecuteAsync(admin, $"CREATE ROLE {AppRole} LOGIN");
                }
                catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DuplicateObject)
                {
                    // Another test run created it meanwhile.
                }
            }
        }

        OwnerConnectionString = new NpgsqlConnectionStringBuilder(owner.ConnectionString) { Database = DatabaseName }.ConnectionString;
        AppConnectionString = new NpgsqlConnectionStringBuilder(owner.ConnectionString)
        {
            Database = DatabaseName,
            Username = AppRole,
            Password = null,
        }.ConnectionString;

        var log = new StringBuilder();
        try
        {
            await DatabaseMigrator.MigrateThroughAsync(OwnerConnectionString, MigrateThrough, line => log.AppendLine(line));
        }
        catch (InvalidOperationException ex)
        {
            throw new InvalidOperationException($"migrating {DatabaseName} failed: {ex.Message}\n{log}", ex);
        }

        OwnerDataSource = NpgsqlDataSource.Create(OwnerConnectionString);
        AppDataSource = NpgsqlDataSource.Create(AppConnectionString);
    }

    public async Task DisposeAsync()
    {
        if (AppDataSource is not null)
        {
            await AppDataSource.DisposeAsync();
        }

        if (OwnerDataSource is not null)
        {
            await OwnerDataSource.DisposeAsync();
        }

        if (adminConnectionString is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(adminConnectionString);
        await admin.OpenAsync();
        await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)");
    }

    /// <summary>Runs a statement as the owner.</summary>
    public async Task ExecuteAsOwnerAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = OwnerDataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Reads one value as the owner.</summary>
    public async Task<T> ScalarAsOwnerAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = OwnerDataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }

    // The owner if it may create databases and roles, else the postgres superuser on the same server (trust auth).
    private static async Task<string> ChooseAdminAsync(NpgsqlConnectionStringBuilder owner)
    {
        await using (var connection = new NpgsqlConnection(owner.ConnectionString))
        {
            await connection.OpenAsync();
            if (await ExistsAsync(connection, "SELECT 1 FROM pg_roles WHERE rolname = current_user AND (rolsuper OR (rolcreatedb AND rolcreaterole))"))
            {
                return owner.ConnectionString;
            }
        }

        return new NpgsqlConnectionStringBuilder(owner.ConnectionString)
        {
            Username = "postgres",
            Password = null,
            Database = "postgres",
        }.ConnectionString;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<bool> ExistsAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync() is not null;
    }
}
