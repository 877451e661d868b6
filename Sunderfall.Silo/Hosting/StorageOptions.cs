using System.ComponentModel.DataAnnotations;

namespace Sunderfall.Silo.Hosting;

/// <summary>The PostgreSQL database holding grain state. Section "Storage".</summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Storage";

    /// <summary>
    /// Npgsql connection string of the application role, e.g. "Host=127.0.0.1;Port=5432;Database=sunderfall;Username=sunderfall_app".
    /// Outside Development the silo refuses to start when this role owns the schema or is a superuser.
    /// </summary>
    [Required]
    public string ConnectionString { get; set; } = "";

    /// <summary>
    /// Connection string of the schema owner, used only to apply migrations at start-up; empty means ConnectionString.
    /// Development only: elsewhere silos never hold the owner's password (the silo refuses to start with it), and the
    /// migrations run as a step of their own before the silos (Sunderfall.Migrations, docs/deployment.md).
    /// </summary>
    public string MigrationConnectionString { get; set; } = "";

    /// <summary>
    /// Apply pending schema migrations at start-up. Unset: in Development only. Outside Development true is refused:
    /// migrations are a separate step run as the schema owner.
    /// </summary>
    public bool? ApplyMigrations { get; set; }
}
