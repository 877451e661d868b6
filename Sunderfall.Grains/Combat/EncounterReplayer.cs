using System.Globalization;
using Sunderfall.Content;
using Sunderfall.Grains.Interfaces.Combat;
using Sunderfall.Grains.Interfaces.Rewards;

namespace Sunderfall.Grains.Combat;

/// <summary>
/// Replays a committed encounter: a fresh random from its seed, every logged hit rolled again in order, then the
/// rewards of its kills; any amount, critical or grant that differs from the record is reported.
/// </summary>
public static class EncounterReplayer
{
    public static EncounterReplayResult Replay(EncounterRecord record, ContentCatalog content)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(content);
        // A record read back from the encounters table may lack a list (written by hand, or by an older version).
        if (record.Hits is null || record.Kills is null || record.Grants is null)
        {
            return Different("the record lacks its hits, kills or grants and cannot be replayed");
        }

        var random = new Random(record.Seed);
        for (var h = 0; h < record.Hits.Count; h++)
        {
            var logged = record.Hits[h];
            if (!content.Abilities.TryGetValue(logged.AbilityId, out var ability))
            {
                return Different($"hit {h}: ability '{logged.AbilityId}' no longer exists in the content");
            }

            var targets = logged.TargetNetIds.Select((netId, i) => (netId, logged.TargetArmor[i])).ToList();
            var again = CombatEncounter.Roll(random, logged.Tick, logged.SourceNetId, ability, logged.Power, targets);
            for (var i = 0; i < again.Amounts.Count; i++)
            {
                if (again.Amounts[i] != logged.Amounts[i] || again.Critical[i] != logged.Critical[i])
                {
                    return Different(string.Create(CultureInfo.InvariantCulture,
                        $"hit {h} on {logged.TargetNetIds[i]}: replay rolled {again.Amounts[i]} (critical {again.Critical[i]}), the record says {logged.Amounts[i]} (critical {logged.Critical[i]})"));
                }
            }
        }

        var grants = EncounterRewards.Roll(record.EncounterId, record.Kills, content, random, record.EndedAt);
        if (grants.Count != record.Grants.Count)
        {
            return Different($"replay granted {grants.Count} players, the record {record.Grants.Count}");
        }

        for (var g = 0; g < grants.Count; g++)
        {
            var (replayed, logged) = (grants[g], record.Grants[g]);
            if (replayed.PlayerId != logged.PlayerId || replayed.Experience != logged.Experience || replayed.Gold != logged.Gold
                || !replayed.Items.SequenceEqual(logged.Items))
            {
                return Different($"grant {g}: replay gave {Describe(replayed)}, the record {Describe(logged)}");
            }
        }

        return new EncounterReplayResult(true, true, null);
    }

    private static EncounterReplayResult Different(string difference) => new(true, false, difference);

    private static string Describe(RewardGrant grant) => string.Create(CultureInfo.InvariantCulture,
        $"{grant.PlayerId}: {grant.Experience} xp, {grant.Gold} gold, items [{string.Join(", ", grant.Items.Select(i => $"{i.ItemId} x{i.Count}"))}]");
}
