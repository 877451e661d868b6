using Sunderfall.Stores.CheatFlags;
using Sunderfall.Stores.Support;

namespace Sunderfall.Frontend.Operations;

/// <summary>The operators' HTTP API: /api/moderation (accounts, kicks, bans, cheat flags, support queries) and /api/admin.</summary>
public static class OperationsHostingExtensions
{
    /// <summary>The stores the operators' endpoints read (on the database the accounts use, as the application role).</summary>
    public static WebApplicationBuilder AddSunderfallOperations(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<CheatFlagStore>();
        builder.Services.AddSingleton<SupportStore>();
        builder.Services.AddSingleton<ResourceReconciler>();
        builder.Services.AddOptions<ConsoleOptions>().BindConfiguration(ConsoleOptions.SectionName)
            .Validate(o => o.PrometheusUrl.Length == 0 || Uri.TryCreate(o.PrometheusUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https",
                "Console:PrometheusUrl must be empty or an absolute http(s) URL, e.g. http://127.0.0.1:8090.")
            .ValidateOnStart();
        builder.Services.AddHttpClient();
        builder.Services.AddSingleton<OperatorOverview>();
        builder.Services.AddHostedService<FrontendProcessReporter>();
        return builder;
    }

    public static WebApplication MapSunderfallOperations(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapModerationEndpoints();
        app.MapFlagEndpoints();
        app.MapSupportEndpoints();
        app.MapAdminEndpoints();
        app.MapConsoleEndpoints();
        return app;
    }
}
