using Microsoft.AspNetCore.SignalR;
using Orleans.Configuration;
using Sunderfall.Frontend.Connections;
using Sunderfall.Frontend.Edge;
using Sunderfall.Frontend.Game;
using Sunderfall.Frontend.Operations;
using Sunderfall.Frontend.SignIn;
using Sunderfall.Frontend.WebClient;
using Sunderfall.Frontend.World;
using Sunderfall.Protocol;
using Sunderfall.ServiceDefaults.Clustering;
using Sunderfall.ServiceDefaults.Health;
using Sunderfall.ServiceDefaults.Metrics;
using Sunderfall.ServiceDefaults.Security;

namespace Sunderfall.Frontend.Hosting;

/// <summary>Registers and maps everything the frontend runs.</summary>
public static class FrontendHostingExtensions
{
    /// <summary>The Orleans client (Redis membership, mutual TLS to the gateways), the SignalR hub with JSON and MessagePack, and health.</summary>
    public static WebApplicationBuilder AddSunderfallFrontend(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<FrontendOptions>().BindConfiguration(FrontendOptions.SectionName).ValidateDataAnnotations()
            .Validate(o => o.SubscriptionRenewInterval >= TimeSpan.FromSeconds(1), "Frontend:SubscriptionRenewInterval must be at least 00:00:01.")
            .Validate(
                o => o.InputBatchInterval >= TimeSpan.Zero && o.InputBatchInterval <= TimeSpan.FromMilliseconds(200),
                "Frontend:InputBatchInterval must be from 00:00:00 to 00:00:00.2 (inputs held longer would miss ticks).")
            .ValidateOnStart();
        builder.Services.AddOptions<ClusteringOptions>().BindConfiguration(ClusteringOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        var cluster = builder.Configuration.GetSection(ClusteringOptions.SectionName).Get<ClusteringOptions>() ?? new ClusteringOptions();
        var frontend = builder.Configuration.GetSection(FrontendOptions.SectionName).Get<FrontendOptions>() ?? new FrontendOptions();

        // Kestrel must listen (and answer "not ready") while the Orleans client still waits for a silo.
        builder.Services.Configure<HostOptions>(o => o.ServicesStartConcurrently = true);
        builder.Services.AddSingleton<ClusterConnectionMonitor>();
        builder.Services.AddSingleton<IClusterConnectionStatusObserver>(sp => sp.GetRequiredService<ClusterConnectionMonitor>());
        var clusterTls = ClusterTlsCredentials.Load(builder.Configuration, builder.Environment, "frontend", out var tlsFailure);
        if (tlsFailure is not null)
        {
            throw new InvalidOperationException(tlsFailure);
        }

        builder.UseOrleansClient(orleans =>
        {
            if (clusterTls is not null)
            {
                orleans.UseClusterTls(clusterTls);
            }

            orleans.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = cluster.ClusterId;
                o.ServiceId = cluster.ServiceId;
            });
            orleans.UseRedisClustering(o => o.ConfigurationOptions = RedisConnection.Parse(cluster.Redis));
            orleans.UseConnectionRetryFilter<ClusterConnectRetryFilter>();
        });

        builder.Services.AddSingleton<FrontendIdentity>();
        builder.Services.AddSingleton<ConnectionRegistry>();
        builder.Services.AddSingleton<FrontendMetrics>();
        builder.AddSunderfallMetrics();
        builder.Services.AddSingleton<ZoneFeed>();
        builder.Services.AddSingleton<MoveForwarder>();
        builder.Services.AddSingleton<ZoneSubscriptions>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ZoneSubscriptions>());
        builder.Services.AddSingleton<ConnectionDirectory>();
        builder.AddSunderfallSignIn();
        builder.AddSunderfallEdge();
        builder.AddSunderfallOperations();
        builder.AddSunderfallWebClient();
        builder.Services.AddSignalR(o =>
            {
                o.MaximumReceiveMessageSize = frontend.MaxMessageBytes;
                // Floods are refused before any work; failures inside are turned into typed errors.
                o.AddFilter<HubRateLimitFilter>();
                o.AddFilter<GameHubErrorFilter>();
            })
            .AddMessagePackProtocol(o => o.SerializerOptions = WireMessagePack.Options);
        InvocationGuardProtocol.Register(builder.Services);
        builder.Services.AddHealthChecks()
            .AddCheck<ClusterConnectionMonitor>("cluster", tags: [HealthEndpoints.ReadyTag]);
        return builder;
    }

    /// <summary>The hub at /hubs/game, the health endpoints, metrics (/metrics) and the browser client.</summary>
    public static WebApplication MapSunderfallFrontend(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseSunderfallForwardedHeaders();
        app.UseWebSockets();
        app.UseSunderfallSignIn();
        app.UseRateLimiter();
        app.MapSunderfallSignIn();
        app.MapSunderfallOperations();
        app.MapHub<GameHub>(HubNames.Path);
        app.MapSunderfallHealth();
        app.MapSunderfallMetrics();
        app.MapSunderfallWebClient();
        return app;
    }
}
