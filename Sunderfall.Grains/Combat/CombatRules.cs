namespace Sunderfall.Grains.Combat;

/// <summary>
/// How much an ability does: the ability's base amount plus half the user's power, varied by up to 10% either way,
/// one time in ten a critical (x1.5), and for damage reduced by the target's armor (armor / (armor + 50), so 50 armor
/// halves it). Every roll draws from the encounter's random in a fixed order, so a replay draws the same numbers.
/// </summary>
public static class CombatRules
{
    public const double CriticalChance = 0.10;
    public const double CriticalMultiplier = 1.5;
    public const double Variance = 0.10;
    public const double PowerScale = 0.5;
    public const double ArmorConstant = 50;

    /// <summary>Damage of one hit (at least 1 for an ability that does damage).</summary>
    public static int RollDamage(int baseDamage, int power, int armor, Random random, out bool critical)
    {
        ArgumentNullException.ThrowIfNull(random);
        var raw = Roll(baseDamage, power, random, out critical);
        var mitigation = Math.Max(0, armor) / (Math.Max(0, armor) + ArmorConstant);
        return Math.Max(1, (int)Math.Round(raw * (1 - mitigation), MidpointRounding.AwayFromZero));
    }

    /// <summary>Healing of one use (before it is capped at the target's missing health).</summary>
    public static int RollHeal(int baseHeal, int power, Random random, out bool critical)
    {
        ArgumentNullException.ThrowIfNull(random);
        return Math.Max(1, (int)Math.Round(Roll(baseHeal, power, random, out critical), MidpointRounding.AwayFromZero));
    }

    // Two draws per roll, always both, so the sequence of draws never depends on the outcome.
    private static double Roll(int amount, int power, Random random, out bool critical)
    {
        var variance = 1 + (((random.NextDouble() * 2) - 1) * Variance);
        critical = random.NextDouble() < CriticalChance;
        var raw = (Math.Max(0, amount) + (Math.Max(0, power) * PowerScale)) * variance;
        return critical ? raw * CriticalMultiplier : raw;
    }
}
