using System.Globalization;

namespace Sunderfall.Grains.AntiCheat;

/// <summary>
/// Counts each player's suspicious events by kind in sliding windows and says when a kind crosses its
/// <see cref="SuspicionRule"/>. At most one flag per player and kind within the cooldown, however long the behaviour
/// goes on. Pure: time comes in with every call, so it replays exactly in tests. Not thread-safe (one zone grain owns one).
/// </summary>
public sealed class SuspicionCounter
{
    private readonly Dictionary<string, SuspicionRule> rules;
    private readonly TimeSpan cooldown;
    private readonly Dictionary<(Guid PlayerId, string Kind), Track> tracks = [];

    /// <summary>A counter applying <see cref="SuspicionRules.Default"/> with <see cref="SuspicionRules.FlagCooldown"/>.</summary>
    public SuspicionCounter()
        : this(SuspicionRules.Default, SuspicionRules.FlagCooldown)
    {
    }

    /// <summary>A counter applying <paramref name="rules"/> (one per kind), flagging a player for a kind at most once per <paramref name="cooldown"/>.</summary>
    public SuspicionCounter(IEnumerable<SuspicionRule> rules, TimeSpan cooldown)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentOutOfRangeException.ThrowIfLessThan(cooldown, TimeSpan.Zero);
        this.rules = new Dictionary<string, SuspicionRule>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(rule.Threshold, 1);
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(rule.Window, TimeSpan.Zero);
            ArgumentOutOfRangeException.ThrowIfLessThan(rule.SustainedWindows, 1);
            if (!this.rules.TryAdd(rule.Kind, rule))
            {
                throw new ArgumentException($"two rules for kind '{rule.Kind}'; give each kind one rule", nameof(rules));
            }
        }

        this.cooldown = cooldown;
    }

    /// <summary>Players with events or a recent flag still remembered.</summary>
    public int TrackedPlayers => tracks.Keys.Select(k => k.PlayerId).Distinct().Count();

    /// <summary>
    /// Counts <paramref name="count"/> events of <paramref name="kind"/> by <paramref name="playerId"/> at
    /// <paramref name="now"/>; returns a flag when the kind's rule is now met and the player was not flagged for it
    /// within the cooldown, otherwise null. Times must not go backwards (earlier ones are taken as the latest seen).
    /// </summary>
    public CheatFlag? Record(Guid playerId, string kind, int count, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (!rules.TryGetValue(kind, out var rule))
        {
            throw new ArgumentException($"no rule for kind '{kind}'; known kinds: {string.Join(", ", rules.Keys)}", nameof(kind));
        }

        if (count == 0)
        {
            return null;
        }

        if (!tracks.TryGetValue((playerId, kind), out var track))
        {
            track = new Track();
            tracks.Add((playerId, kind), track);
        }

        now = track.Add(now, count, rule.Span);
        if (track.LastFlagged is { } last && now - last < cooldown)
        {
            return null;
        }

        if (!track.Meets(rule, now))
        {
            return null;
        }

        track.LastFlagged = now;
        return new CheatFlag(now, null, playerId, kind, rule.Severity, track.Total, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["rule"] = rule.Description,
            ["threshold"] = rule.Threshold.ToString(CultureInfo.InvariantCulture),
            ["window_seconds"] = rule.Span.TotalSeconds.ToString(CultureInfo.InvariantCulture),
        });
    }

    /// <summary>Forgets players whose events have all left their windows and whose last flag is past the cooldown.</summary>
    public void Prune(DateTimeOffset now)
    {
        List<(Guid, string)>? idle = null;
        foreach (var (key, track) in tracks)
        {
            track.Expire(now, rules[key.Kind].Span);
            if (track.Total == 0 && (track.LastFlagged is not { } last || now - last >= cooldown))
            {
                (idle ??= []).Add(key);
            }
        }

        foreach (var key in idle ?? [])
        {
            tracks.Remove(key);
        }
    }

    /// <summary>One player's events of one kind: counts by time, oldest first, with events at the same time merged.</summary>
    private sealed class Track
    {
        private readonly LinkedList<(DateTimeOffset At, int Count)> events = new();

        public int Total { get; private set; }

        public DateTimeOffset? LastFlagged { get; set; }

        /// <summary>Adds the events and drops those older than <paramref name="span"/>; returns the time used (never before the last one).</summary>
        public DateTimeOffset Add(DateTimeOffset now, int count, TimeSpan span)
        {
            if (events.Last is { } newest && now <= newest.Value.At)
            {
                now = newest.Value.At;
                newest.Value = (now, newest.Value.Count + count);
            }
            else
            {
                events.AddLast((now, count));
            }

            Total += count;
            Expire(now, span);
            return now;
        }

        /// <summary>Drops events at or before now - span.</summary>
        public void Expire(DateTimeOffset now, TimeSpan span)
        {
            while (events.First is { } oldest && oldest.Value.At <= now - span)
            {
                Total -= oldest.Value.Count;
                events.RemoveFirst();
            }
        }

        /// <summary>True when each of the rule's last windows, (now - (k+1)w, now - kw], holds at least the threshold.</summary>
        public bool Meets(SuspicionRule rule, DateTimeOffset now)
        {
            if (Total < rule.Threshold * rule.SustainedWindows)
            {
                return false;
            }

            for (var k = 0; k < rule.SustainedWindows; k++)
            {
                var (from, to) = (now - (rule.Window * (k + 1)), now - (rule.Window * k));
                var inWindow = 0;
                foreach (var (at, count) in events)
                {
                    if (at > from && at <= to)
                    {
                        inWindow += count;
                    }
                }

                if (inWindow < rule.Threshold)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
