using System.ComponentModel.DataAnnotations;

namespace Sunderfall.Grains.Chat;

/// <summary>Chat limits. Bound from the "Chat" configuration section.</summary>
public sealed class ChatOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Chat";

    /// <summary>Messages a player may send in a quick burst before the sustained rate applies.</summary>
    [Range(1, 100, ErrorMessage = "Chat:Burst must be 1 to 100.")]
    public int Burst { get; set; } = 5;

    /// <summary>Messages per second a player may send over time.</summary>
    [Range(0.01, 100.0, ErrorMessage = "Chat:MessagesPerSecond must be 0.01 to 100.")]
    public double MessagesPerSecond { get; set; } = 1.0;
}
