using Npgsql;
using Sunderfall.Stores.CheatFlags;

namespace Sunderfall.Frontend.Edge;

/// <summary>What stands between the network and the frontend's handlers: forwarded headers, HTTP and hub rate limits, hub abuse counting.</summary>
public static class EdgeHostingExtensions
{
    public static WebApplicationBuilder AddSunderfallEdge(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSunderfallForwardedHeaders();
        builder.Services.AddSunderfallRateLimits();
        builder.Services.AddOptions<HubRateLimitOptions>().BindConfiguration(HubRateLimitOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(services => new CheatFlagWriter(
            services.GetRequiredService<NpgsqlDataSource>(), services.GetRequiredService<TimeProvider>(), services.GetRequiredService<ILogger<CheatFlagWriter>>()));
        builder.Services.AddHostedService(services => services.GetRequiredService<CheatFlagWriter>());
        builder.Services.AddSingleton<HubAbuseMonitor>();
        builder.Services.AddSingleton<HubRateLimitFilter>();
        return builder;
    }
}
