using System.Globalization;
using Npgsql;
using Sunderfall.Migrations;

// Usage: dotnet Sunderfall.Migrations.dll "<connection string>"  (or SUNDERFALL_Storage__ConnectionString)
//        dotnet Sunderfall.Migrations.dll maintain "<owner connection string>" [--retention-months N]
//            [--transaction-log-months N] [--audit-log-months N] [--purge-after-days N] [--archive-dir DIR]
var maintain = args.Length > 0 && args[0] == "maintain";
var rest = maintain ? args[1..] : args;
var connectionString = rest.Length > 0 && !rest[0].StartsWith("--", StringComparison.Ordinal)
    ? rest[0]
    : Environment.GetEnvironmentVariable("SUNDERFALL_Storage__ConnectionString");
if (string.IsNullOrWhiteSpace(connectionString))
{
    Console.Error.WriteLine("migrations: no connection string: pass it as the first argument or set SUNDERFALL_Storage__ConnectionString");
    return 2;
}

try
{
    if (maintain)
    {
        var options = new MaintenanceOptions { ArchiveDirectory = Environment.GetEnvironmentVariable("SUNDERFALL_ARCHIVE_DIR") ?? "archive" };
        for (var i = rest.Length > 0 && !rest[0].StartsWith("--", StringComparison.Ordinal) ? 1 : 0; i < rest.Length; i += 2)
        {
            var value = i + 1 < rest.Length ? rest[i + 1] : null;
            int Months() => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= 1200
                ? n
                : throw new ArgumentException($"{rest[i]} wants a whole number from 1 to 1200, not '{value}'");
            options = rest[i] switch
            {
                "--retention-months" => options with { TransactionLogMonths = Months(), AuditLogMonths = Months() },
                "--transaction-log-months" => options with { TransactionLogMonths = Months() },
                "--audit-log-months" => options with { AuditLogMonths = Months() },
                "--purge-after-days" => options with { PurgeAfterDays = Months() },
                "--archive-dir" when !string.IsNullOrWhiteSpace(value) => options with { ArchiveDirectory = value },
                _ => throw new ArgumentException(
                    $"unknown option '{rest[i]}': allowed are --retention-months, --transaction-log-months, --audit-log-months, --purge-after-days (1-1200) and --archive-dir DIR"),
            };
        }

        var report = await LogMaintenance.RunAsync(connectionString, options);
        Console.WriteLine(report.ToJsonString());
        return 0;
    }

    var applied = await DatabaseMigrator.MigrateAsync(connectionString, Console.WriteLine);
    Console.WriteLine(applied.Count == 0 ? "migrations: database is up to date" : $"migrations: applied {string.Join(", ", applied)}");
    return 0;
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine($"maintain: {ex.Message}");
    return 2;
}
catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or IOException)
{
    var target = new NpgsqlConnectionStringBuilder(connectionString);
    Console.Error.WriteLine($"migrations: failed against PostgreSQL at {target.Host}:{target.Port}/{target.Database}: {ex.Message}");
    return 1;
}
