using System.Text.Json;

namespace Sunderfall.Stores.Support;

/// <summary>One player's grant from an encounter (a row of reward_grants); <paramref name="DeliveredAt"/> is null while it is still owed.</summary>
public sealed record GrantRow(
    Guid PlayerId, long Experience, long Gold, JsonElement Items, DateTimeOffset EarnedAt, DateTimeOffset CommittedAt, DateTimeOffset? DeliveredAt, bool Delivered);
