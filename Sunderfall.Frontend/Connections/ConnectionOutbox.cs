using System.Diagnostics;

namespace Sunderfall.Frontend.Connections;

/// <summary>
/// Everything a connection is sent leaves through here, one write at a time, in the order it was handed in. Events
/// wait in a queue capped by count and bytes (<see cref="OutboxOptions"/>); a world delta is never queued as data:
/// asking for one puts at most one place-holder in the queue, and the delta is computed from the newest state only when
/// its turn comes, so a slow client gets fewer, larger deltas and never a backlog of stale ones. With one write in flight,
/// a client that stops reading holds at most that write, the capped queue and one place-holder; whoever hands in an
/// event never waits for the client. An event that would pass a cap is refused: the owner then closes the connection.
/// </summary>
public sealed class ConnectionOutbox(Func<string, object, Task> send, OutboxOptions limits, ConnectionMetrics metrics, ILogger logger)
{
    private readonly Lock gate = new();
    private readonly Queue<Outgoing> queue = new();
    private Func<object?>? latest;
    private bool latestQueued;
    private bool running;
    private bool closed;
    private int queuedEvents;
    private long queuedBytes;
    private long inFlightSince;

    /// <summary>Events waiting (the delta place-holder not counted).</summary>
    public int QueuedEvents
    {
        get
        {
            lock (gate)
            {
                return queuedEvents;
            }
        }
    }

    /// <summary>Bytes of the events waiting, as estimated when they were handed in.</summary>
    public long QueuedBytes
    {
        get
        {
            lock (gate)
            {
                return queuedBytes;
            }
        }
    }

    /// <summary>Whether <see cref="Close"/> was called: nothing more is sent.</summary>
    public bool IsClosed
    {
        get
        {
            lock (gate)
            {
                return closed;
            }
        }
    }

    /// <summary>How long the write now in flight has taken at <paramref name="now"/> (a Stopwatch timestamp); zero when none is.</summary>
    public TimeSpan InFlightFor(long now)
    {
        var since = Volatile.Read(ref inFlightSince);
        return since == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(since, now);
    }

    /// <summary>
    /// Queues an event of about <paramref name="bytes"/> bytes. False when it would pass a cap (nothing is queued; the
    /// caller closes the connection). True, and nothing queued, once the outbox is closed. <paramref name="afterSent"/>
    /// runs once the event has been written (or its write failed).
    /// </summary>
    public bool TryEnqueue(string method, object message, int bytes, Action? afterSent = null)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(message);
        long total;
        bool start;
        lock (gate)
        {
            if (closed)
            {
                return true;
            }

            if (queuedEvents + 1 > limits.MaxQueuedEvents || queuedBytes + bytes > limits.MaxQueuedBytes)
            {
                return false;
            }

            queue.Enqueue(new Outgoing(method, message, bytes, afterSent));
            queuedEvents++;
            queuedBytes += bytes;
            total = queuedBytes;
            start = !running;
            running = true;
        }

        metrics.Queued(bytes, total);
        if (start)
        {
            _ = RunAsync();
        }

        return true;
    }

    /// <summary>
    /// Asks for the newest state to be sent: <paramref name="produce"/> is called when its turn comes and its answer
    /// (null: nothing to send) is sent as <paramref name="method"/>. While a request waits, more requests add nothing.
    /// </summary>
    public void ScheduleLatest(string method, Func<object?> produce)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(produce);
        bool start;
        lock (gate)
        {
            latest = produce;
            if (closed || latestQueued)
            {
                return;
            }

            queue.Enqueue(new Outgoing(method, null, 0, null));
            latestQueued = true;
            start = !running;
            running = true;
        }

        if (start)
        {
            _ = RunAsync();
        }
    }

    /// <summary>Sends nothing more and lets go of everything queued.</summary>
    public void Close()
    {
        long dropped;
        lock (gate)
        {
            if (closed)
            {
                return;
            }

            closed = true;
            dropped = queuedBytes;
            queue.Clear();
            queuedEvents = 0;
            queuedBytes = 0;
            latest = null;
        }

        metrics.Dequeued(dropped);
    }

    private async Task RunAsync()
    {
        while (true)
        {
            Outgoing next;
            Func<object?>? produce = null;
            lock (gate)
            {
                if (closed || queue.Count == 0)
                {
                    running = false;
                    return;
                }

                next = queue.Dequeue();
                if (next.Message is null)
                {
                    latestQueued = false;
                    produce = latest;
                }
                else
                {
                    queuedEvents--;
                    queuedBytes -= next.Bytes;
                }
            }

            if (next.Message is not null)
            {
                metrics.Dequeued(next.Bytes);
            }

            try
            {
                var message = next.Message ?? produce?.Invoke();
                if (message is null)
                {
                    continue;
                }

                Volatile.Write(ref inFlightSince, Stopwatch.GetTimestamp());
                await send(next.Method, message);
            }
            catch (Exception ex)
            {
                // A closed connection does not throw here; anything else is unexpected, and a client that stops getting
                // updates must leave a trace.
                logger.LogWarning(ex, "Could not send {Method}", next.Method);
            }
            finally
            {
                Volatile.Write(ref inFlightSince, 0);
                next.AfterSent?.Invoke();
            }
        }
    }

    /// <summary>One message waiting; a null message is the place-holder of the newest state.</summary>
    private readonly record struct Outgoing(string Method, object? Message, int Bytes, Action? AfterSent);
}
