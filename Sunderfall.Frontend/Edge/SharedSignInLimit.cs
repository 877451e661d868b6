using System.Globalization;
using Microsoft.Extensions.Options;
using Sunderfall.Protocol.Auth;
using Sunderfall.ServiceDefaults.Clustering;
using StackExchange.Redis;

namespace Sunderfall.Frontend.Edge;

/// <summary>
/// The per-address sign-in limit (<see cref="HttpRateLimitOptions.AuthPerMinute"/>) counted in Redis, so that it holds
/// across every frontend of the cluster behind a load balancer; the in-process limiter of
/// <see cref="RateLimitPolicies"/> only sees one frontend's share. A fixed one-minute window per address, counted
/// atomically by a Lua script. If Redis cannot be reached the call is let through (logged): the in-process limit still
/// stands, and a Redis outage must not lock every player out.
/// </summary>
internal sealed class SharedSignInLimit : IEndpointFilter, IAsyncDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    // INCR, and the expiry on the first count of a window; one round trip, no race between the two.
    private static readonly LuaScript Count = LuaScript.Prepare(
        "local n = redis.call('INCR', @key) if n == 1 then redis.call('PEXPIRE', @key, @ttl) end return n");

    private readonly Lazy<Task<ConnectionMultiplexer>> redis;
    private readonly ClusteringOptions cluster;
    private readonly HttpRateLimitOptions limits;
    private readonly TimeProvider time;
    private readonly ILogger<SharedSignInLimit> logger;

    public SharedSignInLimit(IOptions<ClusteringOptions> cluster, IOptions<HttpRateLimitOptions> limits, TimeProvider time, ILogger<SharedSignInLimit> logger)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(limits);
        this.cluster = cluster.Value;
        this.limits = limits.Value;
        this.time = time;
        this.logger = logger;
        redis = new(() => ConnectionMultiplexer.ConnectAsync(RedisConnection.Parse(this.cluster.Redis)));
    }

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var now = time.GetUtcNow();
        var window = now.ToUnixTimeMilliseconds() / (long)Window.TotalMilliseconds;
        // The limit is part of the key: frontends configured alike share a count, and a frontend rolled out with a
        // new limit starts its own rather than judging by counts made under another rule.
        var key = $"{cluster.ServiceId}/{cluster.ClusterId}/signin/{limits.AuthPerMinute}/{ClientAddress.Of(context.HttpContext)}/{window}";
        long count;
        try
        {
            var database = (await redis.Value).GetDatabase();
            count = (long)await database.ScriptEvaluateAsync(Count, new { key = (RedisKey)key, ttl = (long)(Window.TotalMilliseconds * 2) });
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning(ex, "Redis did not count a sign-in call; only this frontend's own limit applied");
            return await next(context);
        }

        if (count <= limits.AuthPerMinute)
        {
            return await next(context);
        }

        var windowEnd = DateTimeOffset.FromUnixTimeMilliseconds((window + 1) * (long)Window.TotalMilliseconds);
        var retryAfter = (int)Math.Ceiling(Math.Max(1, (windowEnd - now).TotalSeconds));
        context.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        return Results.Json(
            new ApiError
            {
                Code = "RateLimited",
                Message = $"too many requests from this address: at most {limits.AuthPerMinute} sign-in calls a minute, counted across all frontends; try again in {retryAfter} s",
            },
            statusCode: StatusCodes.Status429TooManyRequests);
    }

    public async ValueTask DisposeAsync()
    {
        if (redis.IsValueCreated && redis.Value.IsCompletedSuccessfully)
        {
            await (await redis.Value).DisposeAsync();
        }
    }
}
