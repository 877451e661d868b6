using System.Text.Json;
using Sunderfall.Grains.Combat;
using Sunderfall.Grains.Interfaces.Combat;
using Sunderfall.Grains.Interfaces.Common;
using Xunit;

namespace Sunderfall.Grains.Tests.Combat;

public sealed class EncounterReplayTests
{
    [Fact]
    public void Replay_OfAFinishedFight_RollsTheSameAmountsAndTheSameRewards()
    {
        var record = Fight(seed: 11);

        var replay = EncounterReplayer.Replay(record, new Arena().Content);

        Assert.True(record.Hits.Count >= 3, $"the fight should take several hits; it took {record.Hits.Count}");
        Assert.Equal(new EncounterReplayResult(true, true, null), replay);
    }

    [Fact]
    public void Replay_AfterTheRecordWasStoredAsJson_IsStillIdentical()
    {
        var record = Fight(seed: 5);
        var stored = JsonSerializer.Serialize(record, CombatEncounterGrain.RecordJson);

        var loaded = JsonSerializer.Deserialize<EncounterRecord>(stored, CombatEncounterGrain.RecordJson)!;

        Assert.True(EncounterReplayer.Replay(loaded, new Arena().Content).Identical);
        Assert.Equal(record.Grants.Select(g => g.GrantId), loaded.Grants.Select(g => g.GrantId));
    }

    [Fact]
    public void Replay_OfATamperedRecord_NamesTheFirstHitThatDiffers()
    {
        var record = Fight(seed: 3);
        var hit = record.Hits[1];
        var tampered = record with { Hits = [record.Hits[0], hit with { Amounts = [hit.Amounts[0] + 1] }, .. record.Hits.Skip(2)] };

        var replay = EncounterReplayer.Replay(tampered, new Arena().Content);

        Assert.False(replay.Identical);
        Assert.StartsWith("hit 1 on", replay.FirstDifference, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_OfARecordWithInflatedGold_IsCaught()
    {
        var record = Fight(seed: 9);
        var tampered = record with { Grants = [record.Grants[0] with { Gold = record.Grants[0].Gold + 1000 }] };

        Assert.StartsWith("grant 0:", EncounterReplayer.Replay(tampered, new Arena().Content).FirstDifference, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoZones_WithTheSameSeedAndTheSameInputs_EndTheSameEncounterIdentically()
    {
        var first = Fight(seed: 21);
        var second = Fight(seed: 21);

        Assert.Equal(first.Seed, second.Seed);
        Assert.Equal(first.Hits.SelectMany(h => h.Amounts), second.Hits.SelectMany(h => h.Amounts));
        Assert.Equal(first.Grants.Select(g => (g.Experience, g.Gold, g.Items.Sum(i => i.Count))), second.Grants.Select(g => (g.Experience, g.Gold, g.Items.Sum(i => i.Count))));
    }

    [Fact]
    public void TwoActivationsOfTheSameZone_GiveTheirEncountersDifferentIds()
    {
        // The ledger commits once per encounter id: a restarted zone must never reuse one.
        Assert.NotEqual(Fight(seed: 21).EncounterId, Fight(seed: 21).EncounterId);
    }

    // A player strikes a dummy of 60 health every second until it dies; the one encounter is returned.
    private static EncounterRecord Fight(int seed)
    {
        var arena = new Arena(seed: seed, dummyHealth: 60);
        var (player, _) = arena.Join(new WorldPosition(Arena.DummyAt.X - 2f, Arena.DummyAt.Y), Arena.Profile(power: 4));
        for (var second = 0; second < 60; second++)
        {
            arena.Use(player, "strike", arena.Dummy, second + 1);
            foreach (var result in arena.StepFor(1.05f))
            {
                if (result.Combat.Finished.Count > 0)
                {
                    return result.Combat.Finished[0];
                }
            }
        }

        throw new Xunit.Sdk.XunitException("the dummy did not die within a minute");
    }
}
