namespace Sunderfall.Grains.Interfaces.Zones;

/// <summary>
/// A player using an ability (an id from content/abilities) on the entity with <see cref="TargetNetId"/> (0 for
/// abilities aimed at oneself). <see cref="Sequence"/> grows with each request a client sends.
/// </summary>
[GenerateSerializer, Immutable, Alias("sf.AbilityRequest")]
public sealed record AbilityRequest(
    [property: Id(0)] long Sequence,
    [property: Id(1)] string AbilityId,
    [property: Id(2)] int TargetNetId);
