namespace Sunderfall.Silo.Faults;

/// <summary>
/// Fault injection for crash tests, bound from the "Faults" section. Empty by default; never set it in production.
/// </summary>
public sealed class FaultOptions
{
    public const string SectionName = "Faults";

    /// <summary>Crash points (Sunderfall.Grains.Faults.CrashPoint) at which this silo process kills itself.</summary>
    public IReadOnlyList<string> CrashAt { get; set; } = [];

    /// <summary>
    /// A file created by the first process that crashes: with it set, only one crash happens across every silo that
    /// shares the path, so the survivors can finish what the victim started.
    /// </summary>
    public string? OnceMarker { get; set; }
}
