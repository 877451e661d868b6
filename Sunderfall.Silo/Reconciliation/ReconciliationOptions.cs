namespace Sunderfall.Silo.Reconciliation;

/// <summary>How often each silo compares stored characters with their reward grants. Section "Reconciliation".</summary>
public sealed class ReconciliationOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Reconciliation";

    /// <summary>Run the job at all (admins can still run it on demand: POST /api/admin/reconcile).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Time between two runs on each silo (1 s to 1 day).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(10);
}
