using System.Net.Sockets;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
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
        builder.Services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.SectionName).ValidateDataAnnotations()
            .Validate(
                o => o.SendStallTimeout >= TimeSpan.FromSeconds(1) && o.SendStallTimeout <= TimeSpan.FromMinutes(5),
                "Outbox:SendStallTimeout must be from 00:00:01 to 00:05:00.")
            .Validate(
                o => o.StallCheckInterval >= TimeSpan.FromMilliseconds(100) && o.StallCheckInterval <= o.SendStallTimeout,
                "Outbox:StallCheckInterval must be from 00:00:00.1 to Outbox:SendStallTimeout.")
            .ValidateOnStart();
        var outbox = builder.Configuration.GetSection(OutboxOptions.SectionName).Get<OutboxOptions>() ?? new OutboxOptions();
        if (outbox.SocketSendBufferBytes > 0)
        {
            // Set on the listening socket before listen(): every accepted socket inherits it.
            builder.Services.Configure<SocketTransportOptions>(o => o.CreateBoundListenSocket = endpoint =>
            {
                var socket = SocketTransportOptions.CreateDefaultBoundListenSocket(endpoint);
                if (socket.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6)
                {
                    socket.SendBufferSize = outbox.SocketSendBufferBytes;
                }

                return socket;
            });
        }

        builder.Services.AddSingleton<ConnectionMetrics>();
        builder.Services.AddSingleton<ConnectionRegistry>();
        builder.Services.AddHostedService<StalledConnectionSweeper>();
        builder.Services.AddSingleton<FrontendMetrics>();
        builder.AddSunderfallMetrics();
        builder.Services.AddSingleton<ZoneFeed>();
        builder.Services.AddSingleton<PlayerEventRelay>();
        builder.Services.AddSingleton<MoveForwarder>();
        builder.Services.AddSingleton<ZoneSubscriptions>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ZoneSubscriptions>());
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
        var outbox = app.Services.GetRequiredService<IOptions<OutboxOptions>>().Value;
        app.MapHub<GameHub>(HubNames.Path, o => o.TransportMaxBufferSize = outbox.TransportBufferBytes);
        app.MapSunderfallHealth();
        app.MapSunderfallMetrics();
        app.MapSunderfallWebClient();
        return app;
    }
}
