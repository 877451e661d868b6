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
        builder.Services.AddSharedSignInLimit();
        builder.Services.AddOptions<HubRateLimitOptions>().BindConfiguration(HubRateLimitOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        // On the accounts' data source (the application role), which the writer does not own.
        builder.Services.AddSingleton<CheatFlagMetrics>();
        builder.Services.AddSingleton<CheatFlagWriter>();
        builder.Services.AddHostedService(services => services.GetRequiredService<CheatFlagWriter>());
        builder.Services.AddSingleton<HubAbuseMonitor>();
        builder.Services.AddSingleton<HubRateLimitFilter>();
        return builder;
    }
}
