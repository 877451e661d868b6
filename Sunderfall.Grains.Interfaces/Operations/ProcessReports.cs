namespace Sunderfall.Grains.Interfaces.Operations;

/// <summary>The process kinds and timings of <see cref="IProcessRegistryGrain"/>.</summary>
public static class ProcessReports
{
    /// <summary>The kind of a silo's report.</summary>
    public const string Silo = "silo";

    /// <summary>The kind of a frontend's report.</summary>
    public const string Frontend = "frontend";

    /// <summary>How often processes report.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    /// <summary>How long a report counts after it was made.</summary>
    public static readonly TimeSpan Expiry = TimeSpan.FromSeconds(15);
}
