using Sunderfall.Grains.Interfaces.Combat;
using Sunderfall.Grains.Interfaces.Common;
using Sunderfall.Grains.Interfaces.Zones;
using Xunit;

namespace Sunderfall.Grains.Tests.Combat;

public sealed class ZoneCombatTests
{
    [Fact]
    public void UseAbility_WhenStillCoolingDown_IsRefusedWithTheTimeLeft()
    {
        var arena = new Arena();
        var (player, _) = arena.Join();
        Assert.Null(arena.Use(player, "strike", arena.Dummy));
        arena.Step();

        var refused = arena.Use(player, "strike", arena.Dummy, sequence: 2);

        Assert.Equal(GameErrorCode.OnCooldown, refused?.Code);
        Assert.Contains("strike is ready in", refused!.Message, StringComparison.Ordinal);
        Assert.Contains("cooldown 1 s", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UseAbility_AfterTheCooldown_IsAccepted()
    {
        var arena = new Arena(dummyHealth: 10_000);
        var (player, _) = arena.Join();
        arena.Use(player, "strike", arena.Dummy);
        arena.StepFor(1.05f);

        Assert.Null(arena.Use(player, "strike", arena.Dummy, sequence: 2));
    }

    [Fact]
    public void UseAbility_BeyondItsRange_IsRefusedWithTheDistanceAndTheRange()
    {
        var arena = new Arena();
        var (player, _) = arena.Join(new WorldPosition(Arena.DummyAt.X - 10f, Arena.DummyAt.Y));

        var refused = arena.Use(player, "strike", arena.Dummy);

        Assert.Equal(GameErrorCode.OutOfRange, refused?.Code);
        Assert.Equal("the target is 10 units away; strike reaches 2.5", refused!.Message);
    }

    [Fact]
    public void UseAbility_WithoutEnoughResource_IsRefusedWithCostAndAmount()
    {
        var arena = new Arena(dummyHealth: 100_000);
        var (player, _) = arena.Join(profile: Arena.Profile(maxResource: 50));
        Assert.Null(arena.Use(player, "nuke", arena.Dummy));
        arena.Step();
        arena.Step();

        var refused = arena.Use(player, "fireball", arena.Dummy, sequence: 2);

        Assert.Equal(GameErrorCode.NotEnoughResource, refused?.Code);
        Assert.StartsWith("fireball costs 20 resource; you have 10", refused!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UseAbility_NotKnownToTheClass_IsRefusedListingWhatItKnows()
    {
        var arena = new Arena();
        var (player, _) = arena.Join(profile: Arena.Profile(abilities: "strike"));

        var refused = arena.Use(player, "nuke", arena.Dummy);

        Assert.Equal(GameErrorCode.InvalidArgument, refused?.Code);
        Assert.Equal("a Warrior cannot use nuke; known: strike", refused!.Message);
    }

    [Theory]
    [InlineData("no-such-ability")]
    [InlineData("")]
    public void UseAbility_Unknown_IsRefused(string ability)
    {
        var arena = new Arena();
        var (player, _) = arena.Join();

        Assert.Equal(GameErrorCode.InvalidArgument, arena.Use(player, ability, arena.Dummy)?.Code);
    }

    [Fact]
    public void UseAbility_OnAPlayerWithAnEnemyAbility_IsAnInvalidTarget()
    {
        var arena = new Arena();
        var (player, _) = arena.Join();
        var (_, other) = arena.Join();

        Assert.Equal(GameErrorCode.InvalidTarget, arena.Use(player, "strike", other)?.Code);
        Assert.Equal(GameErrorCode.InvalidTarget, arena.Use(player, "strike", 999_999)?.Code);
    }

    [Fact]
    public void AFireball_WhoseCasterWalkedOutOfRangeWhileCasting_Fizzles_TellingTheCasterWhy_AndCostsNothing()
    {
        var arena = new Arena(dummyHealth: 1000);
        var (caster, _) = arena.Join(new WorldPosition(Arena.DummyAt.X - 15f, Arena.DummyAt.Y));
        Assert.Null(arena.Use(caster, "fireball", arena.Dummy));
        Assert.Contains(arena.Step().Combat.Events, e => e.Kind == CombatEventKind.CastStarted);

        // Walking west at 20 units/s during the 1.5 s cast ends about 44 units from the dummy; fireball reaches 25.
        Assert.Null(arena.Simulation.SubmitInput(caster, new MoveInput(1, -1f, 0f)));
        var untilLanding = arena.StepUntil(r => r.Combat.Fizzles.Count > 0, seconds: 3f);

        var fizzled = Assert.Single(untilLanding[^1].Combat.Fizzles);
        Assert.Equal((caster, PlayerNoticeKind.AbilityFizzled, GameErrorCode.OutOfRange), (fizzled.PlayerId, fizzled.Kind, fizzled.Error?.Code));
        Assert.Matches(@"^fireball did not land: the target is 4\d(\.\d)? units away; fireball reaches 25$", fizzled.Error!.Message);
        Assert.DoesNotContain(untilLanding.SelectMany(r => r.Combat.Events), e => e.Kind == CombatEventKind.Damage);
        var vitals = untilLanding.SelectMany(r => r.Combat.Vitals).Last(v => v.PlayerId == caster).Vitals!;
        Assert.Equal((null, 100), (vitals.Casting, vitals.Resource));
    }

    [Fact]
    public void AFireball_WhoseTargetDiedWhileItWasCast_Fizzles_TellingTheCasterTheTargetIsGone()
    {
        var arena = new Arena(dummyHealth: 100);
        var (caster, _) = arena.Join(new WorldPosition(Arena.DummyAt.X - 15f, Arena.DummyAt.Y));
        var (killer, _) = arena.Join();
        Assert.Null(arena.Use(caster, "fireball", arena.Dummy));
        Assert.Contains(arena.Step().Combat.Events, e => e.Kind == CombatEventKind.CastStarted);

        Assert.Null(arena.Use(killer, "nuke", arena.Dummy));
        var untilLanding = arena.StepUntil(r => r.Combat.Fizzles.Count > 0, seconds: 3f);

        Assert.Contains(untilLanding[0].Combat.Events, e => e.Kind == CombatEventKind.Died && e.TargetNetId == arena.Dummy);
        var fizzled = Assert.Single(untilLanding[^1].Combat.Fizzles);
        Assert.Equal((caster, GameErrorCode.InvalidTarget), (fizzled.PlayerId, fizzled.Error?.Code));
        Assert.Equal("fireball did not land: the target is not a living monster in this zone; aim at a monster's netId", fizzled.Error!.Message);
        Assert.Equal(30, untilLanding.Count); // when the cast would have landed, 1.5 s after it started
    }

    [Fact]
    public void Strike_DamagesTheDummy_AndTheDamageIsSentAsAnEventAndAHealthChange()
    {
        var arena = new Arena(dummyHealth: 1000);
        var (player, netId) = arena.Join();
        arena.Use(player, "strike", arena.Dummy);

        var result = arena.Step();

        var damage = Assert.Single(result.Combat.Events, e => e.Kind == CombatEventKind.Damage);
        Assert.Equal((netId, arena.Dummy, "strike"), (damage.SourceNetId, damage.TargetNetId, damage.AbilityId));
        Assert.InRange(damage.Amount, 1, 30);
        Assert.Contains(result.Moved, m => m.NetId == arena.Dummy && m.Health == 1000 - damage.Amount);
        Assert.Contains(result.Combat.Uses, u => u.PlayerId == player && u.AbilityId == "strike" && u.Amount == damage.Amount && u.TargetPlayerId is null);
    }

    [Fact]
    public void Fireball_LandsOnlyAfterItsCastTime_AndHitsEveryDummyInItsArea()
    {
        var arena = new Arena(dummies: 3, dummyHealth: 1000);
        var (player, _) = arena.Join(new WorldPosition(Arena.DummyAt.X - 15f, Arena.DummyAt.Y));
        Assert.Null(arena.Use(player, "fireball", arena.Dummy));

        var started = arena.Step();
        var untilLanded = arena.StepUntil(r => r.Combat.Events.Exists(e => e.Kind == CombatEventKind.Damage), seconds: 3f);

        Assert.Contains(started.Combat.Events, e => e.Kind == CombatEventKind.CastStarted && e.AbilityId == "fireball");
        Assert.Equal(30, untilLanded.Count); // 1.5 s at 20 ticks a second
        var hits = untilLanded[^1].Combat.Events.Where(e => e.Kind == CombatEventKind.Damage).Select(e => e.TargetNetId).Order();
        Assert.Equal(arena.DummyNetIds.Order(), hits);
    }

    [Fact]
    public void KillingADummy_EndsTheEncounterWithItsExperienceGoldAndLootForTheKiller()
    {
        var arena = new Arena(dummyHealth: 5);
        var (player, _) = arena.Join();
        arena.Use(player, "strike", arena.Dummy);

        var results = arena.StepUntil(r => r.Combat.Finished.Count > 0);

        Assert.Contains(results, r => r.Combat.Events.Exists(e => e.Kind == CombatEventKind.Died && e.TargetNetId == arena.Dummy));
        var record = Assert.Single(results[^1].Combat.Finished);
        var grant = Assert.Single(record.Grants);
        Assert.Equal((player, 30L, 10L), (grant.PlayerId, grant.Experience, grant.Gold));
        Assert.Equal("pelt", Assert.Single(grant.Items).ItemId);
        Assert.Equal(2, grant.Items[0].Count);
        Assert.Equal(record.EncounterId, grant.EncounterId);
    }

    [Fact]
    public void Rewards_AreSplitWithAPartyMemberInRange_ButNotWithAStrangerOrAFarAwayMember()
    {
        var arena = new Arena(dummyHealth: 5);
        var party = Guid.NewGuid();
        var (killer, _) = arena.Join(profile: Arena.Profile(party));
        var (friend, _) = arena.Join(new WorldPosition(Arena.DummyAt.X + 20f, Arena.DummyAt.Y), Arena.Profile(party));
        arena.Join(new WorldPosition(Arena.DummyAt.X, Arena.DummyAt.Y + 20f));
        arena.Join(new WorldPosition(190f, 190f), Arena.Profile(party));
        arena.Use(killer, "strike", arena.Dummy);

        var record = Assert.Single(arena.StepUntil(r => r.Combat.Finished.Count > 0)[^1].Combat.Finished);

        Assert.Equal(new[] { killer, friend }.Order(), record.Grants.Select(g => g.PlayerId).Order());
        Assert.All(record.Grants, g => Assert.Equal(15L, g.Experience));
        Assert.Equal(10L, record.Grants.Sum(g => g.Gold));
        Assert.Equal(2, record.Grants.Sum(g => g.Items.Sum(i => i.Count)));
    }

    [Fact]
    public void ABitingMonster_KillsAPlayerWhoStandsStill_WhoComesBackAtTheSpawnAfterFiveSeconds()
    {
        var arena = new Arena(biting: true);
        var (player, netId) = arena.Join();

        var untilDead = arena.StepUntil(r => r.Combat.Deaths.Exists(d => d.PlayerId == player));
        var moveWhileDead = arena.Simulation.SubmitInput(player, new MoveInput(1, 1f, 0f));
        var untilBack = arena.StepUntil(r => r.Combat.Events.Exists(e => e.Kind == CombatEventKind.Respawned && e.TargetNetId == netId), seconds: 6f);

        Assert.Contains(untilDead[^1].Combat.Vitals, v => v.PlayerId == player && v.Vitals!.Dead);
        Assert.Equal(GameErrorCode.Dead, moveWhileDead?.Code);
        Assert.InRange(untilBack.Count, 99, 101);
        Assert.Contains(untilBack[^1].Moved, m => m.NetId == netId && m.X == 5f && m.Y == 5f && m.Health == 100);
    }

    [Fact]
    public void AMonster_AttacksWhoeverHasTheMostThreat()
    {
        var arena = new Arena(biting: true, dummyHealth: 100_000);
        var (tank, tankNet) = arena.Join(profile: Arena.Profile(power: 200));
        var (weak, weakNet) = arena.Join(new WorldPosition(Arena.DummyAt.X + 2f, Arena.DummyAt.Y), Arena.Profile(power: 0));
        arena.Use(weak, "strike", arena.Dummy);
        arena.Step();
        arena.Use(tank, "strike", arena.Dummy);

        var bites = arena.StepFor(1.5f).SelectMany(r => r.Combat.Events).Where(e => e.SourceNetId == arena.Dummy && e.Kind == CombatEventKind.Damage).ToList();

        Assert.NotEmpty(bites);
        Assert.Equal(tankNet, bites[^1].TargetNetId);
        Assert.DoesNotContain(weakNet, bites.Skip(1).Select(b => b.TargetNetId));
    }

    [Fact]
    public void Mend_HealsAnAllyUpToItsMaximumHealth_AndTheUseNamesTheAllyHealed()
    {
        var arena = new Arena(biting: true);
        var (healer, healerNet) = arena.Join(new WorldPosition(Arena.DummyAt.X - 15f, Arena.DummyAt.Y));
        var (victim, victimNet) = arena.Join();
        arena.StepUntil(r => r.Combat.Events.Exists(e => e.Kind == CombatEventKind.Damage && e.TargetNetId == victimNet));

        Assert.Null(arena.Use(healer, "mend", victimNet));
        var landed = arena.StepUntil(r => r.Combat.Events.Exists(e => e.Kind == CombatEventKind.Heal))[^1].Combat;
        var heal = landed.Events.First(e => e.Kind == CombatEventKind.Heal);

        Assert.Equal((healerNet, victimNet), (heal.SourceNetId, heal.TargetNetId));
        Assert.InRange(heal.Amount, 1, 40);
        // What the transaction log's target_id is filled from.
        var use = Assert.Single(landed.Uses, u => u.PlayerId == healer);
        Assert.Equal(("mend", victim), (use.AbilityId, use.TargetPlayerId));
    }

    [Fact]
    public void AMonsterWhoseTargetDied_StopsChasingAndGoesHome()
    {
        var arena = new Arena(biting: true);
        var (player, _) = arena.Join();
        arena.StepUntil(r => r.Combat.Deaths.Exists(d => d.PlayerId == player));

        var after = arena.StepFor(3f);

        Assert.DoesNotContain(after.SelectMany(r => r.Combat.Events), e => e.SourceNetId == arena.Dummy && e.Kind == CombatEventKind.Damage);
        var dummy = arena.Simulation.Entities().Single(e => e.NetId == arena.Dummy);
        Assert.True(new WorldPosition(dummy.X, dummy.Y).DistanceTo(Arena.DummyAt) < 0.5f, $"the dummy stayed at ({dummy.X}, {dummy.Y})");
    }
}
