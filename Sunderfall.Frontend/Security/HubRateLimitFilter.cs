using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Sunderfall.Frontend.Game;
using ErrorCode = Sunderfall.Protocol.Errors.ErrorCode;

namespace Sunderfall.Frontend.Security;

/// <summary>
/// Token buckets on every hub call: one per connection and one per account (shared by the account's
/// connections on this frontend). A refused call gets a RateLimited error saying the allowed rate; a connection
/// that keeps calling past the limit is closed, and a "hub_flood" flag is written to cheat_flags for moderators.
/// </summary>
public sealed class HubRateLimitFilter(
    IOptions<HubRateLimitOptions> options, NpgsqlDataSource database, ConnectionRegistry registry, ILogger<HubRateLimitFilter> logger)
    : IHubFilter, IDisposable
{
    /// <summary>The cheat_flags kind of a connection closed for flooding the hub.</summary>
    public const string FloodFlagKind = "hub_flood";

    private readonly ConcurrentDictionary<string, ConnectionLimits> connections = new(StringComparer.Ordinal);

    // Partitioned limiters replenish every bucket from one timer and drop a bucket once it has been full (idle) for
    // 10 s, so accounts that come and go leave nothing behind; a full bucket is the same as a new one.
    private readonly PartitionedRateLimiter<string> connectionBuckets = Buckets(options.Value.ConnectionBurst, options.Value.ConnectionPerSecond);
    private readonly PartitionedRateLimiter<string> accountBuckets = Buckets(options.Value.AccountBurst, options.Value.AccountPerSecond);

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        var o = options.Value;
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
        if (refused > o.AbuseThreshold)
        {
            logger.LogWarning("Closing connection {Connection} of {Account}: over {Threshold} refused calls in {Window}",
                context.ConnectionId, context.UserIdentifier, o.AbuseThreshold, o.AbuseWindow);
            context.Abort();
            if (limits.TryMarkFlagged())
            {
                // Not awaited: the flag is written beside the hub pipeline, which it must never slow down or fail.
                _ = FlagFloodAsync(context, refused, o);
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

    /// <summary>Writes the flag with one INSERT (closing a connection for abuse is rare); logs and swallows any failure.</summary>
    private async Task FlagFloodAsync(HubCallerContext context, int refused, HubRateLimitOptions o)
    {
        try
        {
            Guid? accountId = Guid.TryParse(context.UserIdentifier, CultureInfo.InvariantCulture, out var account) ? account : null;
            var details = JsonSerializer.Serialize(new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["rule"] = string.Create(CultureInfo.InvariantCulture, $"more than {o.AbuseThreshold} refused hub calls within {o.AbuseWindow.TotalSeconds} s"),
                ["limit"] = string.Create(CultureInfo.InvariantCulture, $"{o.ConnectionPerSecond} calls/s per connection, {o.AccountPerSecond} calls/s per account"),
                ["connection"] = context.ConnectionId,
            });
            await using var command = database.CreateCommand(
                "INSERT INTO cheat_flags (at, account_id, player_id, kind, severity, count, details) " +
                "VALUES (now(), @account, @player, @kind, 2, @count, @details::jsonb)");
            command.Parameters.Add(new NpgsqlParameter<Guid?>("account", NpgsqlDbType.Uuid) { TypedValue = accountId });
            command.Parameters.Add(new NpgsqlParameter<Guid?>("player", NpgsqlDbType.Uuid) { TypedValue = registry.Find(context.ConnectionId)?.PlayerId });
            command.Parameters.AddWithValue("kind", FloodFlagKind);
            command.Parameters.AddWithValue("count", refused);
            command.Parameters.AddWithValue("details", details);
            await command.ExecuteNonQueryAsync();
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Could not record the {Kind} flag of connection {Connection} of {Account}", FloodFlagKind, context.ConnectionId, context.UserIdentifier);
        }
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
