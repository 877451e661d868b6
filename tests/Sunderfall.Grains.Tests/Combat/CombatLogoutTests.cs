using Sunderfall.Grains.Interfaces.Combat;
using Sunderfall.Grains.Interfaces.Common;
using Sunderfall.Grains.Interfaces.Players;
using Xunit;

namespace Sunderfall.Grains.Tests.Combat;

/// <summary>Leaving and coming back neither heals, refills nor revives anyone; leaving in combat leaves the body behind.</summary>
public sealed class CombatLogoutTests
{
    private static readonly Dictionary<string, float> NoCooldowns = [];

    [Fact]
    public void AddPlayer_WithTheVitalsSavedOnLeaving_ComesBackWithTheResourceSpentAndTheCooldownRunning()
    {
        var arena = new Arena(dummyHealth: 100_000);
        var (player, _) = arena.Join();
        Assert.Null(arena.Use(player, "nuke", arena.Dummy));
        arena.Step();
        var left = arena.Simulation.Leave(player, logoutDelaySeconds: 0)!;

        var elsewhere = new Arena(dummyHealth: 100_000);
        elsewhere.Simulation.AddPlayer(player, "Back", new WorldPosition(Arena.DummyAt.X - 2f, Arena.DummyAt.Y), Arena.Profile(), left.Vitals);
        var back = elsewhere.Simulation.VitalsOf(player)!;

        Assert.False(left.Lingering);
        Assert.InRange(left.Vitals.Resource, 60f, 61f);
        Assert.InRange(back.Resource, 60f, 61f);
        Assert.Equal(GameErrorCode.OnCooldown, elsewhere.Use(player, "nuke", elsewhere.Dummy)?.Code);
    }

    [Fact]
    public void AddPlayer_WithoutSavedVitals_StartsAtFullHealthAndResource()
    {
        var arena = new Arena();

        var (player, _) = arena.Join(profile: Arena.Profile(maxResource: 80));
        var vitals = arena.Simulation.VitalsOf(player)!;

        Assert.Equal(100, vitals.Health);
        Assert.Equal(80f, vitals.Resource);
        Assert.False(vitals.Dead);
    }

    [Fact]
    public void AddPlayer_SavedDead_StaysDeadForTheTimeThatWasLeft_ThenComesBackFull()
    {
        var arena = new Arena();
        var player = Guid.NewGuid();
        arena.Simulation.AddPlayer(player, "Ghost", new WorldPosition(50f, 50f), Arena.Profile(), new CharacterVitals(0, 5f, Dead: true, RespawnSeconds: 2f, NoCooldowns));

        var whileDead = arena.Use(player, "strike", arena.Dummy);
        var results = arena.StepUntil(r => r.Combat.Events.Any(e => e.Kind == CombatEventKind.Respawned), seconds: 5f);
        var back = arena.Simulation.VitalsOf(player)!;

        Assert.Equal(GameErrorCode.Dead, whileDead?.Code);
        Assert.InRange(results.Count * Arena.Dt, 1.9f, 2.1f);
        Assert.Equal(100, back.Health);
        Assert.Equal(100f, back.Resource);
    }

    [Fact]
    public void AddPlayer_SavedHurt_ComesBackHurt()
    {
        var arena = new Arena();
        var player = Guid.NewGuid();

        arena.Simulation.AddPlayer(player, "Hurt", new WorldPosition(50f, 50f), Arena.Profile(), new CharacterVitals(37, 12f, Dead: false, 0, NoCooldowns));
        var vitals = arena.Simulation.VitalsOf(player)!;

        Assert.Equal(37, vitals.Health);
        Assert.Equal(12f, vitals.Resource);
    }

    [Fact]
    public void Leave_OutOfCombat_TakesThePlayerOutAtOnce()
    {
        var arena = new Arena();
        var (player, _) = arena.Join(new WorldPosition(20f, 20f));
        arena.StepFor(1f);

        var left = arena.Simulation.Leave(player, logoutDelaySeconds: 10f);

        Assert.False(left!.Lingering);
        Assert.Equal(0, arena.Simulation.PlayerCount);
    }

    [Fact]
    public void Leave_WhileAMonsterBitesIt_LeavesTheBodyInTheWorld_StillHit_UntilTheDelayRunsOut()
    {
        var arena = new Arena(dummyHealth: 100_000, biting: true);
        var (player, netId) = arena.Join(profile: Arena.Profile() with { MaxHealth = 1_000 });
        arena.StepUntil(r => r.Combat.Events.Any(e => e.Kind == CombatEventKind.Damage && e.TargetNetId == netId));

        var left = arena.Simulation.Leave(player, logoutDelaySeconds: 3f)!;
        var moveAfterLeaving = arena.Simulation.SubmitInput(player, new Interfaces.Zones.MoveInput(1, 1, 0));
        var during = arena.StepUntil(r => r.Departed.Count > 0, seconds: 4f);
        var final = during[^1].Departed.Single();

        Assert.True(left.Lingering);
        Assert.Equal(GameErrorCode.NotInZone, moveAfterLeaving?.Code);
        Assert.Contains(during, r => r.Combat.Events.Any(e => e.Kind == CombatEventKind.Damage && e.TargetNetId == netId));
        Assert.InRange(during.Count * Arena.Dt, 2.9f, 3.1f);
        Assert.Equal(player, final.PlayerId);
        Assert.True(final.Vitals.Health < left.Vitals.Health, $"health {final.Vitals.Health} after the delay, {left.Vitals.Health} on leaving");
        Assert.Equal(0, arena.Simulation.PlayerCount);
    }

    [Fact]
    public void AddPlayer_DuringTheLogoutDelay_TakesTheBodyBackAsItStands()
    {
        var arena = new Arena(dummyHealth: 100_000, biting: true);
        var (player, netId) = arena.Join(profile: Arena.Profile() with { MaxHealth = 1_000 });
        arena.StepUntil(r => r.Combat.Events.Any(e => e.Kind == CombatEventKind.Damage && e.TargetNetId == netId));
        var left = arena.Simulation.Leave(player, logoutDelaySeconds: 1f)!;

        var again = arena.Simulation.AddPlayer(player, "Back", new WorldPosition(10f, 10f), Arena.Profile() with { MaxHealth = 1_000 });
        var after = arena.StepFor(2f);

        Assert.True(left.Lingering);
        Assert.Equal(netId, again);
        Assert.DoesNotContain(after, r => r.Departed.Count > 0);
        Assert.True(arena.Simulation.VitalsOf(player)!.Health < 1_000);
        Assert.Null(arena.Simulation.SubmitInput(player, new Interfaces.Zones.MoveInput(1, 1, 0)));
    }
}
