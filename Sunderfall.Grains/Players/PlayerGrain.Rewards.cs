using Microsoft.Extensions.Logging;
using Sunderfall.Grains.Faults;
using Sunderfall.Grains.Interfaces.Players;
using Sunderfall.Grains.Interfaces.Rewards;
using Sunderfall.Grains.Inventory;
using Sunderfall.Grains.Progression;
using Sunderfall.Grains.Transactions;

namespace Sunderfall.Grains.Players;

// Rewards, applied exactly once: the ledger holds what is owed until it is marked delivered, and the ids in
// PlayerState.AppliedGrantIds, saved together with what the grants gave, keep a repeated delivery from applying twice.
// Their reward.applied (and progress.level) log entries are written by the ledger in the transaction that marks them
// delivered, from what PlayerState.AppliedGrants saved: once, whichever delivery gets to mark them.
public sealed partial class PlayerGrain
{
    public async Task CollectRewardsAsync()
    {
        try
        {
            await CollectPendingRewardsAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Nothing is lost: the grants stay undelivered in the ledger for the next collection (sweeper, next stay).
            logger.LogWarning(ex, "Player {Player} could not collect its rewards; they stay in the ledger", Id);
        }
    }

    private async Task CollectPendingRewardsAsync()
    {
        var pending = (await ledger.PendingGrantsAsync(Id)).Where(g => g.PlayerId == Id).ToList();
        if (pending.Count == 0)
        {
            return;
        }

        if (!state.RecordExists)
        {
            logger.LogWarning(
                "{Count} reward grants are committed for {Player}, which is not a character; they stay undelivered", pending.Count, Id);
            return;
        }

        var bag = NewBag();
        var applied = new List<AppliedReward>();
        foreach (var grant in pending)
        {
            if (!state.State.AppliedGrantIds.Contains(grant.GrantId))
            {
                var reward = Apply(grant, bag);
                applied.Add(reward);
                state.State.AppliedGrantIds.Add(grant.GrantId);
                state.State.AppliedGrants.Add(new AppliedGrantState
                {
                    GrantId = grant.GrantId,
                    AppliedAt = clock.GetUtcNow(),
                    LevelBefore = reward.LevelBefore,
                    LevelAfter = reward.LevelAfter,
                    Overflowed = reward.Overflowed,
                });
            }
        }

        if (applied.Count > 0)
        {
            // One write for the batch, holding what the grants gave and their ids; told to no one before it succeeded.
            crashPoints.Reached(CrashPoint.BeforePlayerWrite);
            await SaveAsync();
            crashPoints.Reached(CrashPoint.AfterPlayerWrite);
            await ReportAsync(applied);
        }

        var delivered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var grant in pending)
        {
            try
            {
                await ledger.MarkDeliveredAsync(grant.EncounterId, grant.PlayerId, AppliedLog(grant));
                delivered.Add(grant.GrantId);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Its id stays among the applied ones: the grant is delivered again later and recognised then.
                logger.LogWarning(ex, "Player {Player} applied grant {Grant} but could not mark it delivered", Id, grant.GrantId);
            }
        }

        // A grant marked delivered is never delivered again, so its id need not be kept; saved with the next write.
        state.State.AppliedGrantIds.RemoveAll(delivered.Contains);
        state.State.AppliedGrants.RemoveAll(a => delivered.Contains(a.GrantId));
    }

    private AppliedReward Apply(RewardGrant grant, Bag bag)
    {
        var character = state.State;
        var levelBefore = character.Level;
        var gain = ProgressionRules.AddExperience(character.Level, character.Experience, grant.Experience);
        (character.Level, character.Experience) = (gain.Level, gain.Experience);
        var gold = Math.Max(grant.Gold, 0);
        character.Gold = character.Gold > long.MaxValue - gold ? long.MaxValue : character.Gold + gold;
        var overflowed = grant.Items.Where(i => i.Count > 0 && !string.IsNullOrEmpty(i.ItemId)).Sum(i => bag.Add(i.ItemId, i.Count));
        if (overflowed > 0)
        {
            logger.LogInformation("Player {Player}: {Count} items of grant {Grant} did not fit in the bag and wait in the overflow", Id, overflowed, grant.GrantId);
        }

        return new AppliedReward(grant, levelBefore, character.Level, overflowed);
    }

    private async Task ReportAsync(List<AppliedReward> applied)
    {
        foreach (var reward in applied)
        {
            await DeliverAsync(new PlayerEvent(Id, PlayerEventKind.RewardGranted, Reward: reward.Grant, Sheet: savedSheet));
        }

        if (applied.Exists(r => r.LevelAfter != r.LevelBefore))
        {
            await PushProfileAsync();
        }
    }

    /// <summary>The log entries of an applied grant: reward.applied, and progress.level if it raised the level.</summary>
    private List<TransactionEntry> AppliedLog(RewardGrant grant)
    {
        // Missing only for a grant applied by a version that did not keep it: logged with what is known now.
        var outcome = state.State.AppliedGrants.Find(a => a.GrantId == grant.GrantId)
            ?? new AppliedGrantState { GrantId = grant.GrantId, AppliedAt = clock.GetUtcNow(), LevelBefore = state.State.Level, LevelAfter = state.State.Level };
        var entries = new List<TransactionEntry>
        {
            new(outcome.AppliedAt, TransactionKinds.RewardApplied, Id, null, grant.EncounterId, state.State.ZoneId, new Dictionary<string, object?>
            {
                ["grant"] = grant.GrantId,
                ["experience"] = grant.Experience,
                ["gold"] = grant.Gold,
                ["items"] = grant.Items.Select(i => new Dictionary<string, object?> { ["item"] = i.ItemId, ["count"] = i.Count }).ToList(),
                ["overflowed"] = outcome.Overflowed,
                ["level"] = outcome.LevelAfter,
            }),
        };
        if (outcome.LevelAfter != outcome.LevelBefore)
        {
            entries.Add(new(outcome.AppliedAt, TransactionKinds.LevelUp, Id, null, grant.EncounterId, state.State.ZoneId, new Dictionary<string, object?>
            {
                ["from"] = outcome.LevelBefore,
                ["to"] = outcome.LevelAfter,
                ["grant"] = grant.GrantId,
            }));
        }

        return entries;
    }

    private sealed record AppliedReward(RewardGrant Grant, int LevelBefore, int LevelAfter, int Overflowed);
}
