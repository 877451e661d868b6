namespace Sunderfall.Grains.Chat;

/// <summary>The stored chat mute of a player (see IChatGrain.MuteAsync); no Until means never muted.</summary>
[GenerateSerializer]
public sealed class ChatMuteState
{
    [Id(0)] public DateTimeOffset? Until { get; set; }

    [Id(1)] public string Reason { get; set; } = "";

    [Id(2)] public string By { get; set; } = "";
}
