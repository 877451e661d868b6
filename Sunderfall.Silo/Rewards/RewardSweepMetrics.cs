using System.Diagnostics.Metrics;

namespace Sunderfall.Silo.Rewards;

/// <summary>
/// The reward sweeper's backlog on the "Sunderfall.Rewards" meter (exported at the silo's /metrics):
/// <c>sunderfall.rewards.undelivered.players</c>, how many players the last round found holding grants undelivered for
/// longer than Rewards:UndeliveredAfter (at most <see cref="RewardDeliverySweeper.BatchSize"/>), and
/// <c>sunderfall.rewards.sweeps</c>, rounds by outcome (completed or failed). Grants are normally delivered at once, so
/// a backlog that stays above zero round after round means delivery is broken somewhere.
/// </summary>
public sealed class RewardSweepMetrics
{
    public const string MeterName = "Sunderfall.Rewards";

    private readonly Counter<long> sweeps;
    private int undeliveredPlayers;

    public RewardSweepMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge("sunderfall.rewards.undelivered.players", () => Volatile.Read(ref undeliveredPlayers), null,
            "Players the reward sweeper's last round found holding grants undelivered for longer than Rewards:UndeliveredAfter.");
        sweeps = meter.CreateCounter<long>("sunderfall.rewards.sweeps", null, "Reward sweeper rounds, by outcome (completed or failed).");
    }

    public void Swept(int players)
    {
        Volatile.Write(ref undeliveredPlayers, players);
        sweeps.Add(1, new KeyValuePair<string, object?>("outcome", "completed"));
    }

    public void SweepFailed() => sweeps.Add(1, new KeyValuePair<string, object?>("outcome", "failed"));
}
