using System.ComponentModel.DataAnnotations;

namespace Sunderfall.Silo.Anomalies;

/// <summary>The statistical anomaly check (damage and experience per hour), bound from the "Anomalies" section.</summary>
public sealed class AnomalyOptions
{
    public const string SectionName = "Anomalies";

    public bool Enabled { get; set; } = true;

    /// <summary>How often each silo runs the check.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The window totals are taken over (damage or experience "per hour").</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A total this many times the median of the active players is far above the population.</summary>
    [Range(1.5, 1000)]
    public double FactorOverMedian { get; set; } = 5;

    /// <summary>Nothing below this total is flagged, however quiet the population is.</summary>
    [Range(0, double.MaxValue)]
    public double MinimumValue { get; set; } = 500;

    /// <summary>Fewer active players than this make no population to compare with.</summary>
    [Range(3, 1_000_000)]
    public int MinimumPopulation { get; set; } = 10;
}
