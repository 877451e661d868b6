using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Sunderfall.Protocol.Auth;

namespace Sunderfall.Frontend.Edge;

/// <summary>HTTP rate limits (ASP.NET Core's rate limiter), partitioned by client address (IPv6 by /64: <see cref="RateLimitAddress"/>).</summary>
internal static class RateLimitPolicies
{
    /// <summary>The policy on register, login and refresh.</summary>
    public const string Auth = "auth";

    public static IServiceCollection AddSunderfallRateLimits(this IServiceCollection services)
    {
        services.AddOptions<HttpRateLimitOptions>().BindConfiguration(HttpRateLimitOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<HttpRateLimitOptions>>((o, limits) =>
        {
            var l = limits.Value;
            o.AddPolicy(Auth, context => RateLimitPartition.GetFixedWindowLimiter(
                RateLimitAddress.Of(context), _ => new FixedWindowRateLimiterOptions { PermitLimit = l.AuthPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => RateLimitPartition.GetFixedWindowLimiter(
                RateLimitAddress.Of(context), _ => new FixedWindowRateLimiterOptions { PermitLimit = l.GlobalPer10Seconds, Window = TimeSpan.FromSeconds(10), QueueLimit = 0 }));
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (rejected, cancellationToken) =>
            {
                if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    rejected.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                await rejected.HttpContext.Response.WriteAsJsonAsync(new ApiError
                {
                    Code = "RateLimited",
                    Message = $"too many requests from this address: at most {l.AuthPerMinute} sign-in calls a minute and {l.GlobalPer10Seconds} requests every 10 seconds",
                }, cancellationToken);
            };
        });
        return services.AddRateLimiter(_ => { });
    }
}
