namespace Sunderfall.Migrations;

/// <summary>How long each kind of data is kept and where archived months go (docs/operations.md, "Data lifecycle").</summary>
public sealed record MaintenanceOptions
{
    /// <summary>Whole months of transaction_log kept before the current one; older months are archived and dropped.</summary>
    public int TransactionLogMonths { get; init; } = 13;

    /// <summary>Whole months of audit_log kept before the current one.</summary>
    public int AuditLogMonths { get; init; } = 25;

    /// <summary>Monthly partitions created ahead of the current month.</summary>
    public int MonthsAhead { get; init; } = 3;

    /// <summary>Days after expiry (or use) before refresh tokens and one-time codes are deleted.</summary>
    public int PurgeAfterDays { get; init; } = 30;

    /// <summary>Where archived months are written as table_YYYY_MM.csv.gz.</summary>
    public string ArchiveDirectory { get; init; } = "archive";
}
