using System;

namespace Sunderfall.Client
{
    /// <summary>The payload of <see cref="SunderfallClient.ConnectionStateChanged"/>.</summary>
    public sealed class ConnectionStateChange
    {
        /// <summary>Describes a change of state.</summary>
        public ConnectionStateChange(ConnectionState previous, ConnectionState current, Exception? error)
        {
            Previous = previous;
            Current = current;
            Error = error;
        }

        /// <summary>The state before.</summary>
        public ConnectionState Previous { get; }

        /// <summary>The state now.</summary>
        public ConnectionState Current { get; }

        /// <summary>Why the connection dropped or could not be opened, when known.</summary>
        public Exception? Error { get; }

        /// <inheritdoc />
        public override string ToString() =>
            Error is null ? $"{Previous} -> {Current}" : $"{Previous} -> {Current} ({Error.GetType().Name}: {Error.Message})";
    }
}
