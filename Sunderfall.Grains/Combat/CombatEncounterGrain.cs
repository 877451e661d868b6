using System.Text.Json;
using Microsoft.Extensions.Logging;
using Sunderfall.Content;
using Sunderfall.Grains.Faults;
using Sunderfall.Grains.Interfaces.Combat;
using Sunderfall.Grains.Interfaces.Players;
using Sunderfall.Grains.Interfaces.Zones;
using Sunderfall.Grains.Rewards;
using Sunderfall.Grains.Transactions;

namespace Sunderfall.Grains.Combat;

/// <summary>
/// Settles one finished encounter: commits its record and grants to the reward ledger (one PostgreSQL transaction,
/// idempotent by encounter id), then confirms to the zone and nudges each rewarded player grain to collect. Every
/// step after the commit may be lost to a crash: the zone re-sends until confirmed (the second commit changes
/// nothing), and the silo's sweeper nudges players whose grants stay undelivered.
/// </summary>
public sealed class CombatEncounterGrain(
    IRewardLedger ledger, ContentCatalog content, ICrashPoints crashPoints, ILogger<CombatEncounterGrain> logger)
    : Grain, ICombatEncounterGrain
{
    /// <summary>How records are stored (the encounters table's record column): plain camelCase JSON for support staff.</summary>
    public static readonly JsonSerializerOptions RecordJson = new(JsonSerializerDefaults.Web);

    private EncounterRecord? committed;

    private Guid Id => this.GetPrimaryKey();

    public async Task SettleAsync(EncounterRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.EncounterId != Id || record.Grants.Any(g => g.EncounterId != Id))
        {
            logger.LogError("Encounter {Encounter} was handed a record for {Other}; refused", Id, record.EncounterId);
            return;
        }

        try
        {
            var json = JsonSerializer.Serialize(record, RecordJson);
            var fresh = await ledger.CommitAsync(new EncounterCommit(Id, record.ZoneId, record.EndedAt, json, record.Grants, EndedLog(record)));
            logger.LogInformation("Encounter {Encounter} in {Zone}: {Outcome} with {Grants} grants",
                Id, record.ZoneId, fresh ? "committed" : "already committed", record.Grants.Count);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Nothing was committed (one transaction); the zone hands the record over again shortly.
            logger.LogWarning(ex, "Encounter {Encounter} could not be committed yet; the zone will retry", Id);
            return;
        }

        committed = record;
        crashPoints.Reached(CrashPoint.GrantCommitted);

        // One-way, both: neither the zone nor a player grain is ever waited on from here.
        _ = GrainFactory.GetGrain<IZoneGrain>(record.ZoneId).EncounterSettledAsync(Id);
        foreach (var grant in record.Grants)
        {
            _ = GrainFactory.GetGrain<IPlayerGrain>(grant.PlayerId).CollectRewardsAsync();
        }
    }

    /// <summary>One combat.encounter entry per player who took part, committed with the encounter.</summary>
    private List<TransactionEntry> EndedLog(EncounterRecord record) =>
        [.. record.Participants.Select(p => new TransactionEntry(record.EndedAt, TransactionKinds.EncounterEnded, p.PlayerId, null, Id, record.ZoneId,
            new Dictionary<string, object?>
            {
                ["kills"] = record.Kills.Select(k => k.MonsterId).ToList(),
                ["participants"] = record.Participants.Count,
                ["hits"] = record.Hits.Count,
                ["rewarded"] = record.Grants.Count,
                ["ticks"] = record.EndTick - record.StartTick,
            }))];

    public async Task<EncounterRecord?> GetAsync()
    {
        if (committed is null && await ledger.GetEncounterAsync(Id) is { } json)
        {
            committed = JsonSerializer.Deserialize<EncounterRecord>(json, RecordJson);
        }

        return committed;
    }

    public async Task<EncounterReplayResult> ReplayAsync() =>
        await GetAsync() is { } record
            ? EncounterReplayer.Replay(record, content)
            : new EncounterReplayResult(false, false, $"encounter {Id} was never committed");
}
