using System.Globalization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Sunderfall.Frontend.Connections;
using Sunderfall.Stores.CheatFlags;

namespace Sunderfall.Frontend.Edge;

/// <summary>
/// The frontend's side of anti-cheat: what the hub refuses before any zone sees it - calls past the rate limits and
/// calls that cannot be bound to a hub method (a method that does not exist, such as a "Teleport", or arguments that
/// do not fit, such as Move with a position) - is counted per account and, past a rule, raised as a cheat flag (through the
/// <see cref="CheatFlagWriter"/> the silos use too) with the account and the character it plays, as zones flag what they refuse.
/// </summary>
public sealed class HubAbuseMonitor
{
    /// <summary>The cheat_flags kind of calls that could not be bound to a hub method.</summary>
    public const string InvalidInvocationKind = "invalid_invocation";

    /// <summary>The cheat_flags kind of an account whose calls keep being refused by the hub rate limits.</summary>
    public const string RateLimitedKind = "hub_rate_limited";

    /// <summary>The cheat_flags kind of a connection closed by the hub rate limiter for abuse.</summary>
    public const string FloodKind = "hub_flood";

    /// <summary>At most one flag per account and kind within this time, as zones do.</summary>
    public static readonly TimeSpan FlagCooldown = TimeSpan.FromSeconds(60);

    /// <summary>
    /// No client built on the protocol calls a method that does not exist or sends arguments that do not fit; a stale
    /// client might do it once or twice, 5 within a minute is deliberate.
    /// </summary>
    public static readonly HubAbuseRule InvalidInvocationRule = new(
        InvalidInvocationKind, 5, TimeSpan.FromSeconds(60), 3, "at least 5 hub calls of unknown methods or with arguments that do not fit within 60 s");

    private static readonly TimeSpan PruneInterval = TimeSpan.FromSeconds(10);

    private readonly RefusalCounter counter = new(FlagCooldown);
    private readonly CheatFlagWriter flags;
    private readonly ConnectionRegistry registry;
    private readonly TimeProvider clock;
    private readonly ILogger<HubAbuseMonitor> logger;
    private readonly TimeSpan longestWindow;
    private long nextPruneTicks;

    public HubAbuseMonitor(IOptions<HubRateLimitOptions> options, CheatFlagWriter flags, ConnectionRegistry registry, TimeProvider clock, ILogger<HubAbuseMonitor> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value;
        RateLimitedRule = new HubAbuseRule(RateLimitedKind, o.FlagThreshold, o.AbuseWindow, 2, string.Create(CultureInfo.InvariantCulture,
            $"at least {o.FlagThreshold} hub calls refused by the rate limits ({o.ConnectionPerSecond}/s per connection, {o.AccountPerSecond}/s per account) within {o.AbuseWindow.TotalSeconds} s"));
        (this.flags, this.registry, this.clock, this.logger) = (flags, registry, clock, logger);
        longestWindow = InvalidInvocationRule.Window > o.AbuseWindow ? InvalidInvocationRule.Window : o.AbuseWindow;
    }

    /// <summary>Refused calls past the rate limits, from HubRateLimit:FlagThreshold and AbuseWindow.</summary>
    public HubAbuseRule RateLimitedRule { get; }

    /// <summary>Accounts and kinds being counted (idle ones are forgotten).</summary>
    public int Tracked => counter.Tracked;

    /// <summary>Counts a refused call of the caller under the rule; writes a flag when the rule is met.</summary>
    public void Refused(HubCallerContext context, HubAbuseRule rule)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(rule);
        var now = clock.GetUtcNow();
        if (now.UtcTicks >= Interlocked.Read(ref nextPruneTicks))
        {
            Interlocked.Exchange(ref nextPruneTicks, (now + PruneInterval).UtcTicks);
            counter.Prune(now, longestWindow);
        }

        if (counter.Record(context.UserIdentifier ?? context.ConnectionId, rule, now) is { } count)
        {
            logger.LogWarning("Flagging {Account} ({Kind}): {Count} refused hub calls, {Rule}", context.UserIdentifier, rule.Kind, count, rule.Description);
            Raise(context, rule.Kind, rule.Severity, count, new Dictionary<string, object>(StringComparer.Ordinal)
            {
                ["rule"] = rule.Description,
                ["threshold"] = rule.Threshold.ToString(CultureInfo.InvariantCulture),
                ["window_seconds"] = rule.Window.TotalSeconds.ToString(CultureInfo.InvariantCulture),
                ["connection"] = context.ConnectionId,
            });
        }
    }

    /// <summary>Flags a connection the rate limiter closed for abuse (once per connection; the caller sees to that).</summary>
    public void Flooded(HubCallerContext context, int refused, HubRateLimitOptions o)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(o);
        Raise(context, FloodKind, 2, refused, new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["rule"] = string.Create(CultureInfo.InvariantCulture, $"more than {o.AbuseThreshold} refused hub calls within {o.AbuseWindow.TotalSeconds} s"),
            ["limit"] = string.Create(CultureInfo.InvariantCulture, $"{o.ConnectionPerSecond} calls/s per connection, {o.AccountPerSecond} calls/s per account"),
            ["connection"] = context.ConnectionId,
        });
    }

    /// <summary>Queues the flag; the writer batches it off the hub pipeline, which it must never slow down or fail.</summary>
    private void Raise(HubCallerContext context, string kind, short severity, int count, Dictionary<string, object> details)
    {
        Guid? accountId = Guid.TryParse(context.UserIdentifier, CultureInfo.InvariantCulture, out var account) ? account : null;
        flags.Report(new CheatFlagReport(clock.GetUtcNow(), accountId, registry.FindInWorld(context.ConnectionId)?.PlayerId, kind, severity, count, details));
    }
}
