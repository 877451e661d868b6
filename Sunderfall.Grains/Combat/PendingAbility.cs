using Sunderfall.Content.Definitions;

namespace Sunderfall.Grains.Combat;

/// <summary>An ability use accepted by the rules, to be resolved at <see cref="ResolveTick"/> (later for a cast).</summary>
internal sealed record PendingAbility(AbilityDefinition Ability, int TargetNetId, long ResolveTick, bool Casting);
