using System.Net;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Sunderfall.Accounts;
using Sunderfall.Accounts.Accounts;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Storage;
using Sunderfall.Content;
using Sunderfall.Grains.Chat;
using Sunderfall.Grains.Parties;
using Sunderfall.Grains.World;
using Sunderfall.ServiceDefaults.Clustering;
using Sunderfall.ServiceDefaults.Health;
using Sunderfall.ServiceDefaults.Metrics;
using Sunderfall.ServiceDefaults.Security;
using Sunderfall.Silo.AntiCheat;
using Sunderfall.Grains.Faults;
using Sunderfall.Silo.Faults;
using Sunderfall.Silo.Health;
using Sunderfall.Silo.Rewards;
using Sunderfall.Grains;

namespace Sunderfall.Silo.Hosting;

/// <summary>Registers and maps everything a Sunderfall silo runs.</summary>
public static class SiloHostingExtensions
{
    /// <summary>Where the Orleans dashboard is served.</summary>
    public const string DashboardPath = "/dashboard";

    // Set by the Kubernetes downward API (deploy/kubernetes/base/silo-deployment.yaml), read with Cluster:Kubernetes.
    private const string PodIpVariable = "POD_IP";

    /// <summary>Orleans with Redis membership, mutual TLS between cluster members (ClusterTls), PostgreSQL grain storage (plain JSON) and the dashboard.</summary>
    public static WebApplicationBuilder AddSunderfallSilo(this WebApplicationBuilder builder, ContentCatalog content)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(content);
        builder.Services.AddOptions<SiloOptions>().BindConfiguration(SiloOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<ClusteringOptions>().BindConfiguration(ClusteringOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<WorldOptions>().BindConfiguration(WorldOptions.SectionName).ValidateDataAnnotations()
            .Validate(w => w.TickInterval >= TimeSpan.FromMilliseconds(5) && w.TickInterval <= TimeSpan.FromSeconds(1), "World:TickInterval must be 00:00:00.005 to 00:00:01.")
            .Validate(w => w.CheckpointInterval >= TimeSpan.FromMilliseconds(100), "World:CheckpointInterval must be at least 00:00:00.1.")
            .Validate(w => w.FrontendLease >= TimeSpan.FromSeconds(1), "World:FrontendLease must be at least 00:00:01.")
            .Validate(w => w.LogoutDelay >= TimeSpan.Zero && w.LogoutDelay <= TimeSpan.FromMinutes(5), "World:LogoutDelay must be 00:00:00 to 00:05:00.")
            .ValidateOnStart();
        builder.Services.AddOptions<PartyOptions>().BindConfiguration(PartyOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<ChatOptions>().BindConfiguration(ChatOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddOptions<FaultOptions>().BindConfiguration(FaultOptions.SectionName);
        builder.Services.AddSingleton<ICrashPoints, ConfiguredCrashPoints>();
        builder.Services.AddSingleton<Sunderfall.Grains.Zones.ZoneMetrics>();
        builder.AddSunderfallMetrics();
        // Loaded and validated once by SiloStartupChecks before the host is built; shared read-only.
        builder.Services.AddSingleton(content);
        // Before Orleans: hosted services stop in reverse order, so the flag writer outlives the zones that report to it.
        builder.AddSunderfallCheatFlags();
        builder.AddSunderfallRewards();
        builder.Services.AddHostedService<Sunderfall.Silo.Operations.SiloProcessReporter>();

        var silo = builder.Configuration.GetSection(SiloOptions.SectionName).Get<SiloOptions>() ?? new SiloOptions();
        var storage = builder.Configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        var cluster = builder.Configuration.GetSection(ClusteringOptions.SectionName).Get<ClusteringOptions>() ?? new ClusteringOptions();
        var clusterTls = ClusterTlsCredentials.Load(builder.Configuration, builder.Environment, "silo", out var tlsFailure);
        if (tlsFailure is not null)
        {
            throw new InvalidOperationException(tlsFailure);
        }

        builder.UseOrleans(orleans =>
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
            orleans.UseRedisClustering(o =>
            {
                o.ConfigurationOptions = RedisConnection.Parse(cluster.Redis);
                o.EntryExpiry = cluster.MembershipEntryExpiry;
            });
            if (cluster.Kubernetes)
            {
                // The pod's IP is advertised and both ports listen on every address; ORLEANS_CLUSTER_ID and
                // ORLEANS_SERVICE_ID, when set, override the Cluster section (the manifests set both from one label).
                var podIp = builder.Configuration[PodIpVariable];
                orleans.Configure<EndpointOptions>(o =>
                {
                    o.SiloPort = silo.SiloPort;
                    o.GatewayPort = silo.GatewayPort;
                    // Orleans fills in a local address before the Kubernetes hosting looks at POD_IP (which it only
                    // uses when none is set), so a pod with several interfaces could advertise the wrong one.
                    if (IPAddress.TryParse(podIp, out var address))
                    {
                        o.AdvertisedIPAddress = address;
                    }
                });
                orleans.UseKubernetesHosting();
            }
            else
            {
                orleans.ConfigureEndpoints(silo.AdvertisedIPAddress(), silo.SiloPort, silo.GatewayPort);
            }

            orleans.AddAdoNetGrainStorage(GrainStorage.Game, o =>
            {
                o.Invariant = "Npgsql";
                o.ConnectionString = storage.ConnectionString;
            });
            // Plain JSON rather than the default type-named JSON: renaming a state class must not orphan stored rows.
            orleans.Services.AddOptions<AdoNetGrainStorageOptions>(GrainStorage.Game)
                .Configure<IServiceProvider>((o, services) => o.GrainStorageSerializer = ActivatorUtilities.CreateInstance<SystemTextJsonGrainStorageSerializer>(services));
            orleans.AddDashboard();
        });

        // The dashboard is for admins only: the silo checks the same access tokens as the frontend (no database
        // needed); browsers may pass the token as ?access_token= on dashboard URLs.
        builder.AddSunderfallTokens();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddSunderfallJwtBearer(DashboardPath);
        builder.Services.AddAuthorization(o => o.AddAccountPolicies());

        builder.Services.AddHealthChecks()
            .AddCheck<MembershipHealthCheck>("membership", tags: [HealthEndpoints.ReadyTag])
            .AddCheck<StorageHealthCheck>("storage", tags: [HealthEndpoints.ReadyTag]);
        return builder;
    }

    /// <summary>Health endpoints, metrics (/metrics) and the dashboard under /dashboard.</summary>
    public static WebApplication MapSunderfallSilo(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapSunderfallHealth();
        app.MapSunderfallMetrics();
        app.MapOrleansDashboard(routePrefix: DashboardPath).RequireAuthorization(AccountPolicies.Admin);
        return app;
    }
}
