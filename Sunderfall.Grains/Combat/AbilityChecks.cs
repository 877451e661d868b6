using System.Globalization;
using Sunderfall.Content.Definitions;
using Sunderfall.Grains.Interfaces.Common;
using Sunderfall.Grains.Zones.Simulation;

namespace Sunderfall.Grains.Combat;

/// <summary>
/// Whether a player may use an ability on a target now (alive, known, ready, affordable, in range and in sight). Every refusal says what is allowed. Run when the request
/// arrives (the client hears at once) and again when it resolves at the tick (things may have changed since).
/// </summary>
internal static class AbilityChecks
{
    /// <summary>Distance beyond an ability's range still accepted, for positions that moved between client and server.</summary>
    public const float RangeTolerance = 1f;

    public static GameError? Check(
        SimPlayer player, AbilityDefinition ability, ZoneCombatTarget? target, CollisionMap map, long tick, float tickSeconds, bool resolving)
    {
        if (player.Dead)
        {
            return new GameError(GameErrorCode.Dead, Format($"you are dead; you come back in {Math.Max(0, player.RespawnTick - tick) * tickSeconds:0.#} s"));
        }

        if (!player.Profile.Abilities.Contains(ability.Id, StringComparer.Ordinal))
        {
            return new GameError(GameErrorCode.InvalidArgument, $"a {player.Profile.Class} cannot use {ability.Id}; known: {string.Join(", ", player.Profile.Abilities)}");
        }

        if (!resolving && player.Pending is { } pending)
        {
            return new GameError(GameErrorCode.OnCooldown, pending.Casting
                ? $"already casting {pending.Ability.Id}; wait for it to land"
                : $"{pending.Ability.Id} is already queued for the next tick; one ability per tick");
        }

        if (player.Cooldowns.TryGetValue(ability.Id, out var ready) && ready > tick)
        {
            return new GameError(GameErrorCode.OnCooldown,
                Format($"{ability.Id} is ready in {(ready - tick) * tickSeconds:0.00} s (cooldown {ability.CooldownSeconds:0.##} s)"));
        }

        if (player.Resource < ability.ResourceCost)
        {
            return new GameError(GameErrorCode.NotEnoughResource,
                Format($"{ability.Id} costs {ability.ResourceCost} resource; you have {MathF.Floor(player.Resource):0}"));
        }

        if (target is not { } aimed)
        {
            return new GameError(GameErrorCode.InvalidTarget, ability.Target == AbilityTargets.Enemy
                ? "the target is not a living monster in this zone; aim at a monster's netId"
                : "the target is not a living player in this zone; aim at a player's netId, or 0 for yourself");
        }

        var distance = player.Position.DistanceTo(aimed.Position);
        var reach = ability.Range + (resolving ? 2 * RangeTolerance : RangeTolerance);
        if (distance > reach)
        {
            return new GameError(GameErrorCode.OutOfRange, Format($"the target is {distance:0.#} units away; {ability.Id} reaches {ability.Range:0.#}"));
        }

        return map.HasLineOfSight(player.Position, aimed.Position)
            ? null
            : new GameError(GameErrorCode.NoLineOfSight, $"a wall stands between you and the target; {ability.Id} needs a clear line of sight");
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
