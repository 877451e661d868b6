namespace Sunderfall.Grains.Interfaces.Chat;

/// <summary>One chat message as delivered. <see cref="ToName"/> is set for whispers only.</summary>
[GenerateSerializer, Immutable, Alias("sf.ChatLine")]
public sealed record ChatLine(
    [property: Id(0)] ChatChannel Channel,
    [property: Id(1)] Guid FromPlayerId,
    [property: Id(2)] string FromName,
    [property: Id(3)] string Text,
    [property: Id(4)] DateTimeOffset At,
    [property: Id(5)] string? ToName = null);
