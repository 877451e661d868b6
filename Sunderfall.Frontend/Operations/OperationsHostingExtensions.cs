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
        return builder;
    }

    public static WebApplication MapSunderfallOperations(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapModerationEndpoints();
        app.MapFlagEndpoints();
        app.MapSupportEndpoints();
        app.MapAdminEndpoints();
        return app;
    }
}
