using Npgsql;
using Sunderfall.Migrations;

// Usage: dotnet Sunderfall.Migrations.dll "<connection string>"  (or SUNDERFALL_Storage__ConnectionString)
var connectionString = args.Length > 0 ? args[0] : Environment.GetEnvironmentVariable("SUNDERFALL_Storage__ConnectionString");
if (string.IsNullOrWhiteSpace(connectionString))
{
    Console.Error.WriteLine("migrations: no connection string: pass it as the first argument or set SUNDERFALL_Storage__ConnectionString");
    return 2;
}

try
{
    var applied = await DatabaseMigrator.MigrateAsync(connectionString, Console.WriteLine);
    Console.WriteLine(applied.Count == 0 ? "migrations: database is up to date" : $"migrations: applied {string.Join(", ", applied)}");
    return 0;
}
catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
{
    var target = new NpgsqlConnectionStringBuilder(connectionString);
    Console.Error.WriteLine($"migrations: failed against PostgreSQL at {target.Host}:{target.Port}/{target.Database}: {ex.Message}");
    return 1;
}
