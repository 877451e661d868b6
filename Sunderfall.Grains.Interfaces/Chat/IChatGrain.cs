using Sunderfall.Grains.Interfaces.Common;

namespace Sunderfall.Grains.Interfaces.Chat;

/// <summary>
/// One player's chat, keyed by the player's id: the only way a player sends chat. Checks the text and the player's
/// message rate (ChatOptions), then routes the line: Zone to the sender's zone instance, Party to the sender's party,
/// Whisper to the character named <c>toName</c> (with an echo to the sender, so clients can show what was sent).
/// </summary>
public interface IChatGrain : IGrainWithGuidKey
{
    /// <summary>
    /// Sends <paramref name="text"/> (1-256 characters after trimming, no control characters) on
    /// <paramref name="channel"/> (Zone, Party or Whisper; System is the server's); <paramref name="toName"/> names the
    /// recipient of a whisper and is ignored otherwise. Returns the line as delivered.
    /// </summary>
    Task<GameResult<ChatLine>> SendAsync(ChatChannel channel, string text, string? toName);

    /// <summary>
    /// Mutes this player's chat until <see cref="ChatMute.Until"/> (kept in grain storage); meanwhile SendAsync answers
    /// Forbidden naming the time and the reason. A mute whose time has passed lifts it.
    /// </summary>
    Task MuteAsync(ChatMute mute);

    /// <summary>The mute in force, or null.</summary>
    Task<ChatMute?> GetMuteAsync();
}
