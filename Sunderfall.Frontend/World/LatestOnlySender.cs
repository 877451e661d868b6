using Sunderfall.Frontend.Connections;

namespace Sunderfall.Frontend.World;

/// <summary>
/// Sends each session the newest state, never a backlog: at most one send is in flight per session, and requests
/// that arrive meanwhile only mark it dirty, so when the send completes one more send carries everything since.
/// A slow or stuck connection therefore costs one pending send and its session state - no queue that grows - and
/// never holds up any other session, whose sends run independently.
/// </summary>
public sealed class LatestOnlySender(Func<ClientSession, Task> sendLatest, ILogger logger)
{
    /// <summary>Sends now, or marks the session dirty if a send is still in flight.</summary>
    public void Schedule(ClientSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        lock (session.SendGate)
        {
            if (session.Sending)
            {
                session.Dirty = true;
                return;
            }

            session.Sending = true;
        }

        _ = LoopAsync(session);
    }

    private async Task LoopAsync(ClientSession session)
    {
        while (true)
        {
            try
            {
                await sendLatest(session);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Unexpected (a closed connection does not throw here): a warning, so a client that stops getting
                // updates leaves a trace.
                logger.LogWarning(ex, "Could not send to {Connection}", session.ConnectionId);
            }

            lock (session.SendGate)
            {
                if (!session.Dirty)
                {
                    session.Sending = false;
                    return;
                }

                session.Dirty = false;
            }
        }
    }
}
