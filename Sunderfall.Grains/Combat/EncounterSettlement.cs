using Sunderfall.Grains.Faults;
using Sunderfall.Grains.Interfaces.Combat;
using Sunderfall.Grains.Transactions;

namespace Sunderfall.Grains.Combat;

/// <summary>
/// A zone's side of settling fights: writes each tick's combat facts to the transaction log and hands every finished
/// encounter to its encounter grain, again and again until that grain confirms the commit. Unconfirmed encounters live
/// only in memory: a kill whose record was never committed was never rewarded or reported to anyone, and the monster
/// comes back with the zone.
/// </summary>
internal sealed class EncounterSettlement(IGrainFactory grains, ITransactionLog transactions, ICrashPoints crashPoints, string zoneId)
{
    private readonly Dictionary<Guid, EncounterRecord> unsettled = [];

    /// <summary>Finished encounters not yet confirmed committed.</summary>
    public int Unsettled => unsettled.Count;

    /// <summary>Logs one tick's combat and hands its finished encounters over.</summary>
    public void Record(ZoneCombatOutput fought, DateTimeOffset now)
    {
        foreach (var (playerId, abilityId, targetNetId, targetPlayerId, encounterId, amount) in fought.Uses)
        {
            transactions.Append(new TransactionEntry(now, TransactionKinds.AbilityUsed, playerId, targetPlayerId, encounterId, zoneId,
                new Dictionary<string, object?> { ["ability"] = abilityId, ["target"] = targetNetId, ["amount"] = amount }));
        }

        foreach (var (monsterId, encounterId, killerId) in fought.Kills)
        {
            transactions.Append(new TransactionEntry(now, TransactionKinds.MonsterKilled, killerId, null, encounterId, zoneId,
                new Dictionary<string, object?> { ["monster"] = monsterId }));
        }

        foreach (var (playerId, encounterId) in fought.Deaths)
        {
            transactions.Append(new TransactionEntry(now, TransactionKinds.PlayerDied, playerId, null, encounterId, zoneId));
        }

        foreach (var record in fought.Finished)
        {
            crashPoints.Reached(CrashPoint.EncounterEnded);
            unsettled[record.EncounterId] = record;
            HandOver(record);
        }
    }

    /// <summary>Hands every unconfirmed encounter over once more.</summary>
    public void HandOverAgain()
    {
        foreach (var record in unsettled.Values)
        {
            HandOver(record);
        }
    }

    /// <summary>The encounter grain committed it: no more hand-overs.</summary>
    public void Confirmed(Guid encounterId) => unsettled.Remove(encounterId);

    // One-way: the encounter grain commits to PostgreSQL on its own turn and confirms; until then the zone re-sends.
    private void HandOver(EncounterRecord record) => _ = grains.GetGrain<ICombatEncounterGrain>(record.EncounterId).SettleAsync(record);
}
