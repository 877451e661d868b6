using Microsoft.Extensions.Options;
using Sunderfall.Grains.Interfaces.Players;
using Sunderfall.Grains.Rewards;

namespace Sunderfall.Silo.Rewards;

/// <summary>
/// Every <see cref="RewardOptions.SweepInterval"/>, asks the ledger for players holding grants undelivered for longer
/// than <see cref="RewardOptions.UndeliveredAfter"/> (the oldest first, at most <see cref="BatchSize"/>) and nudges each
/// player grain to collect them. Every silo runs it, so the same player may be nudged by several silos at once: that
/// is harmless, as a player grain applies each grant at most once (it records the grant ids it applied) and marking a
/// grant delivered twice changes nothing.
/// </summary>
public sealed class RewardDeliverySweeper(
    IRewardLedger ledger,
    IGrainFactory grains,
    IOptions<RewardOptions> options,
    RewardSweepMetrics metrics,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<RewardDeliverySweeper> logger) : PeriodicSiloService(lifetime, time, logger)
{
    /// <summary>Players nudged at most per round.</summary>
    public const int BatchSize = 500;

    /// <inheritdoc/>
    protected override TimeSpan Interval => options.Value.SweepInterval;

    /// <inheritdoc/>
    protected override string Name => "reward sweeper";

    /// <summary>Nudges the players owed old grants; returns how many were nudged.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var players = await ledger.PlayersWithUndeliveredGrantsAsync(options.Value.UndeliveredAfter, BatchSize, cancellationToken);
        foreach (var player in players)
        {
            // One-way: returns once the message is sent; the grain reads what it is owed from the ledger itself.
            await grains.GetGrain<IPlayerGrain>(player).CollectRewardsAsync();
        }

        if (players.Count > 0)
        {
            logger.LogInformation("reward sweeper: nudged {Count} player(s) holding grants undelivered for over {After}", players.Count, options.Value.UndeliveredAfter);
        }

        return players.Count;
    }

    /// <inheritdoc/>
    protected override async Task RunRoundAsync(CancellationToken cancellationToken)
    {
        try
        {
            metrics.Swept(await SweepAsync(cancellationToken));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            metrics.SweepFailed();
            throw;
        }
    }
}
