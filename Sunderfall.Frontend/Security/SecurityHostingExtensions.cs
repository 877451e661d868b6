using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Sunderfall.Accounts;
using Sunderfall.Accounts.Accounts;
using Sunderfall.ServiceDefaults.Configuration;

namespace Sunderfall.Frontend.Security;

/// <summary>Accounts, tokens, roles and rate limits for the frontend.</summary>
public static class SecurityHostingExtensions
{
    /// <summary>The database key the frontend reads accounts with (the same database as the silos, as sunderfall_app).</summary>
    public const string StorageKey = "Storage:ConnectionString";

    public static WebApplicationBuilder AddSunderfallSecurity(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var connectionString = builder.Configuration[StorageKey];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new OptionsValidationException(StorageKey, typeof(string), [$"frontend: {StorageKey} is not set (set {SunderfallConfiguration.EnvironmentName(StorageKey)}); accounts live in PostgreSQL"]);
        }

        builder.AddSunderfallAccounts(connectionString);
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddSunderfallJwtBearer();
        builder.Services.AddAuthorization(o => o.AddAccountPolicies());
        builder.Services.AddSingleton<IUserIdProvider, SubjectUserIdProvider>();
        builder.Services.AddSunderfallForwardedHeaders();
        builder.Services.AddSunderfallRateLimits();
        builder.Services.AddSharedSignInLimit();
        builder.Services.AddOptions<HubRateLimitOptions>().BindConfiguration(HubRateLimitOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<HubAbuseMonitor>();
        builder.Services.AddSingleton<HubRateLimitFilter>();
        builder.Services.AddSingleton<ConnectionDirectory>();
        builder.Services.AddSingleton<SessionRelay>();
        builder.Services.AddSingleton<SessionObserverReference>();
        return builder;
    }

    public static WebApplication UseSunderfallSecurity(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.MapAuthEndpoints();
        app.MapModerationEndpoints();
        app.MapFlagEndpoints();
        app.MapSupportEndpoints();
        app.MapAdminEndpoints();
        return app;
    }
}
