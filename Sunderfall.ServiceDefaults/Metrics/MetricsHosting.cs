using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using Sunderfall.ServiceDefaults.Health;

namespace Sunderfall.ServiceDefaults.Metrics;

/// <summary>
/// Every Sunderfall process serves its metrics for Prometheus at /metrics: Sunderfall's own meters (the hot path's
/// stages, see docs/operations.md), Orleans, ASP.NET Core (requests, Kestrel, SignalR connections), the .NET runtime
/// (GC, thread pool) and Npgsql, and readiness (<see cref="ReadinessMetricPublisher"/>). Only callers in <see cref="MetricsOptions.AllowedNetworks"/> may read them.
/// </summary>
public static class MetricsHosting
{
    public const string Path = "/metrics";

    /// <summary>Meters exported besides Sunderfall's own ("Sunderfall.*").</summary>
    public static readonly string[] PlatformMeters =
    [
        "Microsoft.Orleans",
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Http.Connections",
        "System.Runtime",
        "Npgsql",
    ];

    /// <summary>
    /// Buckets of Sunderfall's stage histograms, in seconds: fine below and around a tick (33-50 ms), where the stages
    /// of an input's way live, coarse above. The SDK's default buckets (0, 5, 10, 25 ... 10000) are made for
    /// milliseconds: every value in seconds would fall in the first.
    /// </summary>
    private static readonly double[] StageBuckets = [0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.075, 0.1, 0.15, 0.2, 0.3, 0.5, 1, 2, 5];

    public static IHostApplicationBuilder AddSunderfallMetrics(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<MetricsOptions>, Validator>();
        builder.Services.AddSingleton<IHealthCheckPublisher, ReadinessMetricPublisher>();
        builder.Services.Configure<HealthCheckPublisherOptions>(o => o.Period = ReadinessMetricPublisher.Period);
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter("Sunderfall.*")
            .AddMeter(PlatformMeters)
            .AddView(instrument => instrument.Meter.Name.StartsWith("Sunderfall.", StringComparison.Ordinal) && instrument.Unit == "s"
                ? new ExplicitBucketHistogramConfiguration { Boundaries = StageBuckets }
                : null)
            .AddPrometheusExporter());
        return builder;
    }

    /// <summary>Maps /metrics; a caller outside the allowed networks is answered 404, as if nothing were there.</summary>
    public static WebApplication MapSunderfallMetrics(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<IOptions<MetricsOptions>>().Value;
        app.MapPrometheusScrapingEndpoint(Path, meterProvider: null, configureBranchedPipeline: branch => branch.Use(async (context, next) =>
        {
            if (!options.Allows(context.Connection.RemoteIpAddress))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            await next(context);
        }), optionsName: null);
        return app;
    }

    /// <summary>Fails start-up with the sentence naming the entry that is not a network.</summary>
    private sealed class Validator : IValidateOptions<MetricsOptions>
    {
        public ValidateOptionsResult Validate(string? name, MetricsOptions options) =>
            options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}
