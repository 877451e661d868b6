namespace Sunderfall.Silo.Anomalies;

/// <summary>
/// "Far above the population": among the players active in a window, a player whose total is at least
/// <see cref="AnomalyOptions.FactorOverMedian"/> times the median and at least <see cref="AnomalyOptions.MinimumValue"/>.
/// The median, not the mean, so one cheater cannot raise the bar that is meant to catch him; nothing is judged with
/// fewer than <see cref="AnomalyOptions.MinimumPopulation"/> active players.
/// </summary>
public static class AnomalyRule
{
    public static IReadOnlyList<AnomalyFinding> Find(string kind, IReadOnlyList<(Guid PlayerId, double Value)> totals, AnomalyOptions options)
    {
        ArgumentNullException.ThrowIfNull(totals);
        ArgumentNullException.ThrowIfNull(options);
        if (totals.Count < options.MinimumPopulation)
        {
            return [];
        }

        var sorted = totals.Select(t => t.Value).Order().ToArray();
        var middle = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        var threshold = Math.Max(median * options.FactorOverMedian, options.MinimumValue);
        return [.. totals
            .Where(t => t.Value >= threshold)
            .OrderByDescending(t => t.Value)
            .Select(t => new AnomalyFinding(kind, t.PlayerId, t.Value, median, threshold, totals.Count))];
    }
}
