using System.ComponentModel.DataAnnotations;

namespace Sunderfall.Silo.Hosting;

/// <summary>The PostgreSQL database holding grain state. Section "Storage".</summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Storage";

    /// <summary>Npgsql connection string, e.g. "Host=127.0.0.1;Port=5432;Database=sunderfall;Username=sunderfall".</summary>
    [Required]
    public string ConnectionString { get; set; } = "";

    /// <summary>
    /// Connection string of the schema owner, used only to apply migrations; empty means ConnectionString. In
    /// production the silos run as a role with fewer rights (e.g. it cannot change the audit log).
    /// </summary>
    public string MigrationConnectionString { get; set; } = "";

    /// <summary>Apply pending schema migrations at start-up (the scripts apply them too).</summary>
    public bool ApplyMigrations { get; set; } = true;
}
