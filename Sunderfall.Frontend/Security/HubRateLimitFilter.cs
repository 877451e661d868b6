using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Sunderfall.Frontend.Game;
using ErrorCode = Sunderfall.Protocol.Errors.ErrorCode;

namespace Sunderfall.Frontend.Security;

/// <summary>
/// Token buckets on every hub call: one per connection and one per account (shared by the account's
/// connections on this frontend). A refused call gets a RateLimited error saying the allowed rate; a connection
/// that keeps calling past the limit is closed.
/// </summary>
public sealed class HubRateLimitFilter(IOptions<HubRateLimitOptions> options, ILogger<HubRateLimitFilter> logger) : IHubFilter, IDisposable
{
    private readonly ConcurrentDictionary<string, ConnectionLimits> connections = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TokenBucketRateLimiter> accounts = new(StringComparer.Ordinal);

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        var o = options.Value;
        var context = invocationContext.Context;
        var limits = connections.GetOrAdd(context.ConnectionId, _ => new ConnectionLimits(Bucket(o.ConnectionBurst, o.ConnectionPerSecond)));
        using var connectionLease = limits.Bucket.AttemptAcquire();
        using var accountLease = context.UserIdentifier is { } account
            ? accounts.GetOrAdd(account, _ => Bucket(o.AccountBurst, o.AccountPerSecond)).AttemptAcquire()
            : null;
        if (connectionLease.IsAcquired && accountLease?.IsAcquired != false)
        {
            return await next(invocationContext);
        }

        var message = string.Create(CultureInfo.InvariantCulture,
            $"too many calls: at most {o.ConnectionPerSecond} per second per connection (bursts of {o.ConnectionBurst}) and {o.AccountPerSecond} per second per account");
        if (limits.CountRefusal(o.AbuseWindow) > o.AbuseThreshold)
        {
            logger.LogWarning("Closing connection {Connection} of {Account}: over {Threshold} refused calls in {Window}",
                context.ConnectionId, context.UserIdentifier, o.AbuseThreshold, o.AbuseWindow);
            context.Abort();
        }

        return await GameHubErrorFilter.RefuseAsync(invocationContext, ErrorCode.RateLimited, message);
    }

    public Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (connections.TryRemove(context.Context.ConnectionId, out var limits))
        {
            limits.Bucket.Dispose();
        }

        return next(context, exception);
    }

    public void Dispose()
    {
        foreach (var limits in connections.Values)
        {
            limits.Bucket.Dispose();
        }

        foreach (var bucket in accounts.Values)
        {
            bucket.Dispose();
        }
    }

    private static TokenBucketRateLimiter Bucket(int burst, int perSecond) => new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = burst,
        TokensPerPeriod = perSecond,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    });

    private sealed class ConnectionLimits(TokenBucketRateLimiter bucket)
    {
        private readonly Queue<long> refusals = new();

        public TokenBucketRateLimiter Bucket { get; } = bucket;

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
