using System.ComponentModel.DataAnnotations;

namespace Sunderfall.Frontend.Connections;

/// <summary>
/// Bounds on what this frontend holds for one connection that it has not yet written to the client. World deltas are
/// never queued (at most one is in flight and the next is computed from the newest state when it leaves); events
/// (combat, chat, vitals, errors, corrections, zone changes, social) wait in a queue capped here. A connection whose
/// queue would pass a cap, or whose send has been in flight longer than <see cref="SendStallTimeout"/>, is closed.
/// Section "Outbox".
/// </summary>
public sealed class OutboxOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Outbox";

    /// <summary>Most events waiting to be written to one connection.</summary>
    [Range(16, 100_000, ErrorMessage = "Outbox:MaxQueuedEvents must be 16 to 100000.")]
    public int MaxQueuedEvents { get; set; } = 512;

    /// <summary>Most bytes of events (as MessagePack) waiting to be written to one connection.</summary>
    [Range(4 * 1024, 64 * 1024 * 1024, ErrorMessage = "Outbox:MaxQueuedBytes must be 4096 to 67108864 (64 MiB).")]
    public int MaxQueuedBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// Longest one write to a connection may take before the client is taken to have stopped reading. A write waits
    /// only when the client's socket and the server's buffers in front of it (some hundreds of KiB) are full.
    /// </summary>
    public TimeSpan SendStallTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Bytes SignalR holds for one connection between a finished write and the socket (its transport buffer, the
    /// HttpConnectionDispatcherOptions.TransportMaxBufferSize); a write waits once that much is not yet taken by the socket.
    /// </summary>
    [Range(1024, 1024 * 1024, ErrorMessage = "Outbox:TransportBufferBytes must be 1024 to 1048576.")]
    public int TransportBufferBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// The kernel's send buffer of each accepted socket, in bytes (SO_SNDBUF; Linux doubles it); 0 leaves the operating
    /// system's autotuning, which on a low-latency path (loopback, a LAN) lets the buffer of one client that does not
    /// read grow to net.ipv4.tcp_wmem's maximum (4 MiB by default) before a write waits and the stall bound starts.
    /// Game traffic is a few KiB a second per client, so 64 KiB is plenty.
    /// </summary>
    [Range(0, 16 * 1024 * 1024, ErrorMessage = "Outbox:SocketSendBufferBytes must be 0 (the operating system's default) to 16777216.")]
    public int SocketSendBufferBytes { get; set; }

    /// <summary>How often the connections are checked for a write in flight longer than <see cref="SendStallTimeout"/>.</summary>
    public TimeSpan StallCheckInterval { get; set; } = TimeSpan.FromSeconds(1);
}
