using Sunderfall.Grains.Interfaces.Inventory;

namespace Sunderfall.Grains.Interfaces.Rewards;

/// <summary>
/// What one player earned from one encounter. Identified by (<see cref="EncounterId"/>, <see cref="PlayerId"/>):
/// committed to PostgreSQL once, applied to the character at most once however often it is delivered.
/// </summary>
[GenerateSerializer, Immutable, Alias("sf.RewardGrant")]
public sealed record RewardGrant(
    [property: Id(0)] Guid EncounterId,
    [property: Id(1)] Guid PlayerId,
    [property: Id(2)] long Experience,
    [property: Id(3)] long Gold,
    [property: Id(4)] IReadOnlyList<ItemCount> Items,
    [property: Id(5)] DateTimeOffset At)
{
    /// <summary>The grant's idempotency key.</summary>
    public string GrantId => $"{EncounterId:N}:{PlayerId:N}";
}
