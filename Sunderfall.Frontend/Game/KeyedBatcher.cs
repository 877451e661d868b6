using System.Collections.Concurrent;
using System.Diagnostics;

namespace Sunderfall.Frontend.Game;

/// <summary>
/// Collects items per key (a zone) and hands them to <c>send</c> in batches. Each key has at most one send in
/// flight; items that arrive meanwhile wait and go together in the next send. Sends for one key start at least
/// <c>interval</c> apart, so a lone item after a quiet spell leaves at once and a busy key gets one send per interval
/// (or per round trip, if that is longer) carrying everything that arrived since. At most <c>maxWaitingPerKey</c>
/// items wait for one key; beyond that <see cref="Add"/> refuses, so a key whose sends hang cannot grow without bound.
/// A send that throws loses only its own batch, handed to <c>onSendFailed</c>; the key keeps being served.
/// </summary>
public sealed class KeyedBatcher<T>(
    TimeSpan interval,
    int maxWaitingPerKey,
    Func<string, List<T>, Task> send,
    Action<string, List<T>, Exception> onSendFailed)
{
    private readonly ConcurrentDictionary<string, Queue> queues = new(StringComparer.Ordinal);

    /// <summary>Queues the item for its key; false when that key already has the most items waiting.</summary>
    public bool Add(string key, T item)
    {
        var queue = queues.GetOrAdd(key, static k => new Queue(k));
        lock (queue)
        {
            if (queue.Items.Count >= maxWaitingPerKey)
            {
                return false;
            }

            queue.Items.Add(item);
            if (queue.Flushing)
            {
                return true;
            }

            queue.Flushing = true;
        }

        _ = FlushAsync(queue);
        return true;
    }

    private async Task FlushAsync(Queue queue)
    {
        while (true)
        {
            // Timers fire on a millisecond clock and may wake up to a millisecond early: wait again until it is time.
            TimeSpan left;
            while (queue.LastSent != 0 && (left = interval - Stopwatch.GetElapsedTime(queue.LastSent)) > TimeSpan.Zero)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(left.TotalMilliseconds))).ConfigureAwait(false);
            }

            List<T> batch;
            lock (queue)
            {
                if (queue.Items.Count == 0)
                {
                    queue.Flushing = false;
                    return;
                }

                batch = queue.Items;
                queue.Items = [];
            }

            queue.LastSent = Stopwatch.GetTimestamp();
            try
            {
                await send(queue.Key, batch).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                onSendFailed(queue.Key, batch, ex);
            }
        }
    }

    private sealed class Queue(string key)
    {
        public string Key { get; } = key;

        public List<T> Items { get; set; } = [];

        public bool Flushing { get; set; }

        /// <summary>When the last send started (<see cref="Stopwatch.GetTimestamp"/>); 0 before the first.</summary>
        public long LastSent { get; set; }
    }
}
