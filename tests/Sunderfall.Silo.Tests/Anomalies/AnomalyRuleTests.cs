using Sunderfall.Silo.Anomalies;
using Xunit;

namespace Sunderfall.Silo.Tests.Anomalies;

public sealed class AnomalyRuleTests
{
    private static readonly AnomalyOptions Options = new() { FactorOverMedian = 5, MinimumValue = 500, MinimumPopulation = 10 };

    [Fact]
    public void Find_APlayerFarAboveTheMedian_IsTheOnlyFinding()
    {
        var totals = Population(20, 200).Append((Guid.NewGuid(), 5000.0)).ToList();

        var finding = Assert.Single(AnomalyRule.Find("damage_anomaly", totals, Options));

        Assert.Equal((5000.0, 200.0, 1000.0, 21), (finding.Value, finding.Median, finding.Threshold, finding.Population));
    }

    [Fact]
    public void Find_AStrongButOrdinaryPlayer_IsNotAFinding()
    {
        var totals = Population(20, 200).Append((Guid.NewGuid(), 900.0)).ToList();

        Assert.Empty(AnomalyRule.Find("damage_anomaly", totals, Options));
    }

    [Fact]
    public void Find_InAQuietPopulation_NothingBelowTheMinimumIsFlagged()
    {
        var totals = Population(20, 10).Append((Guid.NewGuid(), 400.0)).ToList();

        Assert.Empty(AnomalyRule.Find("experience_anomaly", totals, Options));
    }

    [Fact]
    public void Find_WithTooFewActivePlayers_JudgesNothing()
    {
        var totals = Population(5, 100).Append((Guid.NewGuid(), 100_000.0)).ToList();

        Assert.Empty(AnomalyRule.Find("damage_anomaly", totals, Options));
    }

    [Fact]
    public void Find_SeveralCheaters_DoNotRaiseTheBarForEachOther()
    {
        var cheaters = Enumerable.Range(0, 4).Select(_ => (Guid.NewGuid(), 10_000.0)).ToList();
        var totals = Population(12, 100).Concat(cheaters).ToList();

        Assert.Equal(4, AnomalyRule.Find("damage_anomaly", totals, Options).Count);
    }

    private static IEnumerable<(Guid, double)> Population(int count, double around) =>
        Enumerable.Range(0, count).Select(i => (Guid.NewGuid(), around * (0.8 + (0.4 * i / count))));
}
