namespace Sunderfall.Grains.Interfaces.Chat;

/// <summary>A moderator's chat mute on a character: its chat is refused until <see cref="Until"/> (a time in the past lifts it).</summary>
[GenerateSerializer, Immutable, Alias("sf.ChatMute")]
public sealed record ChatMute(
    [property: Id(0)] DateTimeOffset Until,
    [property: Id(1)] string Reason,
    [property: Id(2)] string By);
