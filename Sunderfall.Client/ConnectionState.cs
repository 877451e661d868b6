namespace Sunderfall.Client
{
    /// <summary>Where the client's connection to the game hub stands.</summary>
    public enum ConnectionState
    {
        /// <summary>Not connected, and not trying to be: before ConnectAsync, after DisconnectAsync, after the session
        /// was closed by the server, or after reconnecting gave up.</summary>
        Disconnected = 0,

        /// <summary>ConnectAsync is opening the connection.</summary>
        Connecting = 1,

        /// <summary>Connected: calls can be made. After a reconnection the character is re-entered (see
        /// <see cref="SunderfallClient.Resumed"/>).</summary>
        Connected = 2,

        /// <summary>The connection dropped and the client is opening a new one by itself; calls answer Unavailable
        /// meanwhile.</summary>
        Reconnecting = 3,
    }
}
