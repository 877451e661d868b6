namespace Sunderfall.Grains.Interfaces.Chat;

/// <summary>Where a chat message goes.</summary>
public enum ChatChannel
{
    /// <summary>Everyone in the sender's zone instance.</summary>
    Zone = 1,
    /// <summary>The sender's party.</summary>
    Party = 2,
    /// <summary>One character, addressed by name.</summary>
    Whisper = 3,
    /// <summary>From the server (announcements, moderation).</summary>
    System = 4,
}
