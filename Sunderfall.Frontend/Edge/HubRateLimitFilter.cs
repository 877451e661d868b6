using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Sunderfall.Frontend.Game;
using ErrorCode = Sunderfall.Protocol.Errors.ErrorCode;

namespace Sunderfall.Frontend.Edge;

/// <summary>
/// Token buckets on every hub call: one per connection and one per account (shared by the account's connections on
/// this frontend). A refused call gets a RateLimited error saying the allowed rate and counts toward a
/// "hub_rate_limited" flag; a connection that keeps calling past the limit is closed and flagged "hub_flood"
/// (<see cref="HubAbuseMonitor"/>).
/// </summary>
public sealed class HubRateLimitFilter : IHubFilter, IDisposable
{
    private readonly HubRateLimitOptions options;
    private readonly HubAbuseMonitor abuse;
    private readonly ILogger<HubRateLimitFilter> logger;
    private readonly ConcurrentDictionary<string, ConnectionLimits> connections = new(StringComparer.Ordinal);

    // Partitioned limiters replenish every bucket from one timer and drop a bucket once it has been full (idle) for
    // 10 s, so accounts that come and go leave nothing behind; a full bucket is the same as a new one.
    private readonly PartitionedRateLimiter<string> connectionBuckets;
    private readonly PartitionedRateLimiter<string> accountBuckets;

    public HubRateLimitFilter(IOptions<HubRateLimitOptions> options, HubAbuseMonitor abuse, ILogger<HubRateLimitFilter> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        (this.options, this.abuse, this.logger) = (options.Value, abuse, logger);
        connectionBuckets = Buckets(this.options.ConnectionBurst, this.options.ConnectionPerSecond);
        accountBuckets = Buckets(this.options.AccountBurst, this.options.AccountPerSecond);
    }

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        var o = options;
        var context = invocationContext.Context;
        using var connectionLease = connectionBuckets.AttemptAcquire(context.ConnectionId);
        using var accountLease = context.UserIdentifier is { } account ? accountBuckets.AttemptAcquire(account) : null;
        if (connectionLease.IsAcquired && accountLease?.IsAcquired != false)
        {
            return await next(invocationContext);
        }

        var message = string.Create(CultureInfo.InvariantCulture,
            $"too many calls: at most {o.ConnectionPerSecond} per second per connection (bursts of {o.ConnectionBurst}) and {o.AccountPerSecond} per second per account");
        var limits = connections.GetOrAdd(context.ConnectionId, _ => new ConnectionLimits());
        var refused = limits.CountRefusal(o.AbuseWindow);
        abuse.Refused(context, abuse.RateLimitedRule);
        if (refused > o.AbuseThreshold)
        {
            logger.LogWarning("Closing connection {Connection} of {Account}: over {Threshold} refused calls in {Window}",
                context.ConnectionId, context.UserIdentifier, o.AbuseThreshold, o.AbuseWindow);
            context.Abort();
            if (limits.TryMarkFlagged())
            {
                abuse.Flooded(context, refused, o);
            }
        }

        return await GameHubErrorFilter.RefuseAsync(invocationContext, ErrorCode.RateLimited, message);
    }

    public Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        connections.TryRemove(context.Context.ConnectionId, out _);
        return next(context, exception);
    }

    public void Dispose()
    {
        connectionBuckets.Dispose();
        accountBuckets.Dispose();
    }

    private static PartitionedRateLimiter<string> Buckets(int burst, int perSecond) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = perSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }), StringComparer.Ordinal);

    /// <summary>A connection's refused calls, kept from its first refusal until it disconnects.</summary>
    private sealed class ConnectionLimits
    {
        private readonly Queue<long> refusals = new();
        private int flagged;

        /// <summary>True the first time only: calls still in flight when the connection closes must not flag it again.</summary>
        public bool TryMarkFlagged() => Interlocked.Exchange(ref flagged, 1) == 0;

        /// <summary>Counts a refusal and returns how many fell within the window.</summary>
        public int CountRefusal(TimeSpan window)
        {
            var now = Environment.TickCount64;
            lock (refusals)
            {
                refusals.Enqueue(now);
                while (refusals.Count > 0 && now - refusals.Peek() > window.TotalMilliseconds)
                {
                    refusals.Dequeue();
                }

                return refusals.Count;
            }
        }
    }
}
