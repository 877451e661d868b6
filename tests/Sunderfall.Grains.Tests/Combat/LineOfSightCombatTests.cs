using Sunderfall.Grains.Interfaces.Common;
using Sunderfall.Grains.Interfaces.Zones;
using Xunit;

namespace Sunderfall.Grains.Tests.Combat;

/// <summary>Ranged abilities need a clear line to their target: a wall refuses them on arrival and makes a cast fizzle.</summary>
public sealed class LineOfSightCombatTests
{
    // The arena with one wall tile at x 90..100, y 100..110: just west of the dummy at (100, 100).
    private static readonly string[] WallBesideTheDummy = [.. Enumerable.Range(0, 20).Select(row => row == 10 ? ".........#.........." : new string('.', 20))];

    [Fact]
    public void UseAbility_WithAWallBetweenCasterAndTarget_IsRefusedAsNoLineOfSight()
    {
        var arena = new Arena(tiles: WallBesideTheDummy);
        var (player, _) = arena.Join(new WorldPosition(80f, 105f));

        var refused = arena.Use(player, "nuke", arena.Dummy);

        Assert.Equal(GameErrorCode.NoLineOfSight, refused?.Code);
        Assert.Equal("a wall stands between you and the target; nuke needs a clear line of sight", refused!.Message);
    }

    [Fact]
    public void UseAbility_InRangeWithAClearLine_IsAccepted()
    {
        var arena = new Arena(tiles: WallBesideTheDummy);
        var (player, _) = arena.Join(new WorldPosition(100f, 80f));

        Assert.Null(arena.Use(player, "nuke", arena.Dummy));
    }

    [Fact]
    public void AFireball_WhoseCasterWalkedBehindAWallWhileCasting_Fizzles_AndCostsNothing()
    {
        var arena = new Arena(tiles: WallBesideTheDummy);
        var (player, _) = arena.Join(new WorldPosition(102f, 80f));
        Assert.Null(arena.Use(player, "fireball", arena.Dummy));
        arena.Step();
        arena.Simulation.SubmitInput(player, new MoveInput(1, -1f, 0f));
        arena.StepFor(0.75f);
        arena.Simulation.SubmitInput(player, new MoveInput(2, 0f, 0f));

        var fizzled = arena.StepUntil(r => r.Combat.Fizzles.Count > 0, seconds: 2f)[^1].Combat.Fizzles.Single();

        Assert.Equal(GameErrorCode.NoLineOfSight, fizzled.Error?.Code);
        Assert.StartsWith("fireball did not land: a wall stands between you and the target", fizzled.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(100f, arena.Simulation.VitalsOf(player)!.Resource);
    }
}
