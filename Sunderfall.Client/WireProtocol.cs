namespace Sunderfall.Client
{
    /// <summary>The SignalR hub protocol the client speaks to the game hub.</summary>
    public enum WireProtocol
    {
        /// <summary>Binary MessagePack: smaller and faster; the one to use in production.</summary>
        MessagePack = 0,

        /// <summary>JSON text: easier to read in a proxy, and needs no code generation (e.g. Unity IL2CPP builds).</summary>
        Json = 1,
    }
}
