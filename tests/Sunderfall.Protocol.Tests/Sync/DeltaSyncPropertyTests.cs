using CsCheck;
using Sunderfall.Protocol.Sync;
using Xunit;

namespace Sunderfall.Protocol.Tests.Sync;

/// <summary>Encode then Apply, over generated zones: the client always ends up holding exactly what it can see.</summary>
public sealed class DeltaSyncPropertyTests
{
    [Fact]
    public void EncodeThenApply_EveryTick_LeavesTheClientHoldingTheQuantizedVisibleState()
    {
        ScenarioGen.Scenario(maxEntities: 40, maxTicks: 30).Sample(scenario =>
        {
            var zone = new TrueZone(scenario);
            var encoder = new DeltaEncoder();
            var view = new WorldView();

            for (int tick = 0; tick < zone.TickCount; tick++)
            {
                List<VisibleEntity> visible = zone.Visible(tick);
                view.Apply(encoder.Encode(visible));
                SyncAssert.Converged(visible, encoder, view);
                zone.Advance(tick);
            }
        }, iter: 400);
    }

    [Fact]
    public void Apply_ReportsChangesThatTurnThePreviousViewIntoTheNewOne()
    {
        ScenarioGen.Scenario(maxEntities: 30, maxTicks: 20).Sample(scenario =>
        {
            var zone = new TrueZone(scenario);
            var encoder = new DeltaEncoder();
            var view = new WorldView();

            for (int tick = 0; tick < zone.TickCount; tick++)
            {
                var replayed = SyncAssert.Held(view).ToDictionary(e => e.NetId);
                WorldViewChanges changes = view.Apply(encoder.Encode(zone.Visible(tick)));

                if (changes.WasReset)
                {
                    Assert.Equal(replayed.Values.OrderBy(e => e.NetId), changes.Despawned.OrderBy(e => e.NetId));
                    replayed.Clear();
                }
                else
                {
                    foreach (VisibleEntity gone in changes.Despawned)
                    {
                        Assert.Equal(replayed[gone.NetId], gone);
                        replayed.Remove(gone.NetId);
                    }
                }

                foreach (EntityUpdate update in changes.Updated)
                {
                    Assert.Equal(replayed[update.Previous.NetId], update.Previous);
                    Assert.True(update.Moved || update.VitalsChanged, "an update that changes nothing is reported");
                    replayed[update.Current.NetId] = update.Current;
                }

                foreach (VisibleEntity spawned in changes.Spawned)
                {
                    Assert.True(replayed.TryAdd(spawned.NetId, spawned), $"net id {spawned.NetId} spawned while held");
                }

                Assert.Equal(SyncAssert.Held(view), replayed.Values.OrderBy(e => e.NetId));
                zone.Advance(tick);
            }
        }, iter: 200);
    }

    [Fact]
    public void Encode_WhenTheSlowClientIsSentOnlyEveryKthTick_StillConvergesExactly()
    {
        Gen.Select(ScenarioGen.Scenario(maxEntities: 30, maxTicks: 40), Gen.Int[2, 7]).Sample((scenario, k) =>
        {
            var zone = new TrueZone(scenario);
            var encoder = new DeltaEncoder();
            var view = new WorldView();
            List<VisibleEntity> visible = [];

            for (int tick = 0; tick < zone.TickCount; tick++)
            {
                visible = zone.Visible(tick);

                // A skipped tick is simply not encoded: the next payload covers everything since the last one sent.
                if (tick % k == 0)
                {
                    view.Apply(encoder.Encode(visible));
                    SyncAssert.Converged(visible, encoder, view);
                }

                zone.Advance(tick);
            }

            view.Apply(encoder.Encode(visible));
            SyncAssert.Converged(visible, encoder, view);
        }, iter: 300);
    }

    [Fact]
    public void Reset_AfterAPayloadWasLost_BringsTheClientBackInStep()
    {
        Gen.Select(ScenarioGen.Scenario(maxEntities: 30, maxTicks: 20), Gen.Int[0, 19]).Sample((scenario, lostTick) =>
        {
            var zone = new TrueZone(scenario);
            var encoder = new DeltaEncoder();
            var view = new WorldView();

            for (int tick = 0; tick < zone.TickCount; tick++)
            {
                List<VisibleEntity> visible = zone.Visible(tick);
                byte[] payload = encoder.Encode(visible);
                if (tick == lostTick)
                {
                    // Encoded but never delivered: the encoder is ahead of the client until it resets.
                    encoder.Reset();
                    Assert.Equal(0, encoder.Count);
                }
                else
                {
                    view.Apply(payload);
                    SyncAssert.Converged(visible, encoder, view);
                }

                zone.Advance(tick);
            }
        }, iter: 200);
    }

    [Fact]
    public void Encode_ForAFreshEncoder_ResetsAClientThatStillHoldsAnotherZone()
    {
        Gen.Select(ScenarioGen.Scenario(maxEntities: 20, maxTicks: 5), ScenarioGen.Scenario(maxEntities: 20, maxTicks: 5))
            .Sample((first, second) =>
            {
                var view = new WorldView();
                var firstZone = new TrueZone(first);
                view.Apply(new DeltaEncoder().Encode(firstZone.Visible(0)));

                List<VisibleEntity> visible = new TrueZone(second).Visible(0);
                var encoder = new DeltaEncoder();
                WorldViewChanges changes = view.Apply(encoder.Encode(visible));

                Assert.True(changes.WasReset);
                SyncAssert.Converged(visible, encoder, view);
            });
    }
}
