namespace Sunderfall.Protocol.Social
{
    /// <summary>A chat line as delivered. Channel: zone, party, whisper or system; To is set for whispers.</summary>
    public sealed class ChatMessage
    {
        public string Channel { get; set; } = "";

        /// <summary>The sender's character id (GUID "D" form; empty for system messages).</summary>
        public string FromId { get; set; } = "";

        public string From { get; set; } = "";

        public string? To { get; set; }

        public string Text { get; set; } = "";

        /// <summary>Server time, Unix milliseconds.</summary>
        public long At { get; set; }
    }
}
