namespace Sunderfall.Frontend.Edge;

/// <summary>
/// Counts each account's hub refusals by kind in sliding windows and says when a kind meets its
/// <see cref="HubAbuseRule"/>, at most once per account and kind within the cooldown however long it goes on. Time
/// comes in with every call, so tests replay it exactly. Thread-safe: hub calls of many connections count at once.
/// </summary>
public sealed class RefusalCounter(TimeSpan cooldown)
{
    private readonly Lock gate = new();
    private readonly Dictionary<(string Account, string Kind), Track> tracks = [];

    /// <summary>Accounts and kinds with refusals in their window or a flag within the cooldown.</summary>
    public int Tracked
    {
        get
        {
            lock (gate)
            {
                return tracks.Count;
            }
        }
    }

    /// <summary>
    /// Counts one refusal of the rule's kind by the account at <paramref name="now"/>; returns how many fell within
    /// the window when the rule is now met and the account was not flagged for the kind within the cooldown, else null.
    /// </summary>
    public int? Record(string account, HubAbuseRule rule, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(rule);
        lock (gate)
        {
            if (!tracks.TryGetValue((account, rule.Kind), out var track))
            {
                track = new Track();
                tracks.Add((account, rule.Kind), track);
            }

            track.Refusals.Enqueue(now);
            track.Expire(now, rule.Window);
            if (track.Refusals.Count < rule.Threshold || (track.LastFlagged is { } last && now - last < cooldown))
            {
                return null;
            }

            track.LastFlagged = now;
            return track.Refusals.Count;
        }
    }

    /// <summary>Forgets accounts whose refusals have all left <paramref name="window"/> and whose last flag is past the cooldown.</summary>
    public void Prune(DateTimeOffset now, TimeSpan window)
    {
        lock (gate)
        {
            foreach (var (key, track) in tracks)
            {
                track.Expire(now, window);
                if (track.Refusals.Count == 0 && (track.LastFlagged is not { } last || now - last >= cooldown))
                {
                    tracks.Remove(key);
                }
            }
        }
    }

    private sealed class Track
    {
        public Queue<DateTimeOffset> Refusals { get; } = new();

        public DateTimeOffset? LastFlagged { get; set; }

        public void Expire(DateTimeOffset now, TimeSpan window)
        {
            while (Refusals.Count > 0 && now - Refusals.Peek() >= window)
            {
                Refusals.Dequeue();
            }
        }
    }
}
