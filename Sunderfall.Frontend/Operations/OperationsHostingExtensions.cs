namespace Sunderfall.Frontend.Operations;

/// <summary>The operators' HTTP API: /api/moderation (accounts, kicks, bans, cheat flags, support queries) and /api/admin.</summary>
public static class OperationsHostingExtensions
{
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
