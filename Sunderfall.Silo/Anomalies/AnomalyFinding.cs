namespace Sunderfall.Silo.Anomalies;

/// <summary>A player whose total of <see cref="Kind"/> in the window was far above the population's median.</summary>
public sealed record AnomalyFinding(string Kind, Guid PlayerId, double Value, double Median, double Threshold, int Population);
