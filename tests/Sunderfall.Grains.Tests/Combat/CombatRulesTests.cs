using Sunderfall.Grains.Combat;
using Xunit;

namespace Sunderfall.Grains.Tests.Combat;

public sealed class CombatRulesTests
{
    [Fact]
    public void RollDamage_With50Armor_IsAboutHalfOfWhatItIsWithNone()
    {
        var (bare, armored) = (0.0, 0.0);
        for (var i = 0; i < 2000; i++)
        {
            bare += CombatRules.RollDamage(100, 0, 0, new Random(i), out _);
            armored += CombatRules.RollDamage(100, 0, 50, new Random(i), out _);
        }

        Assert.InRange(armored / bare, 0.49, 0.51);
    }

    [Fact]
    public void RollDamage_StaysWithinTheVarianceAndTheCritical()
    {
        var random = new Random(1);
        var crits = 0;
        for (var i = 0; i < 10_000; i++)
        {
            var amount = CombatRules.RollDamage(100, 20, 0, random, out var critical);
            // 100 + 20 x 0.5 = 110, +-10 %, x1.5 on a critical.
            Assert.InRange(amount, critical ? 148 : 99, critical ? 182 : 121);
            crits += critical ? 1 : 0;
        }

        Assert.InRange(crits, 850, 1150);
    }

    [Fact]
    public void RollDamage_IsAlwaysAtLeastOne()
    {
        var random = new Random(2);
        Assert.All(Enumerable.Range(0, 100), _ => Assert.Equal(1, CombatRules.RollDamage(1, 0, 100_000, random, out bool _)));
    }

    [Fact]
    public void ThreatTable_Top_IsTheMostThreateningEligiblePlayer()
    {
        var threat = new ThreatTable();
        threat.Add(1, 10);
        threat.Add(2, 30);
        threat.Add(3, 20);
        threat.Add(1, 25);

        Assert.Equal(1, threat.Top(_ => true));
        Assert.Equal(2, threat.Top(netId => netId != 1));
        Assert.Null(threat.Top(_ => false));
    }
}
