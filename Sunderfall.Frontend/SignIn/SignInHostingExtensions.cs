using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Sunderfall.Accounts;
using Sunderfall.Accounts.Accounts;
using Sunderfall.ServiceDefaults.Configuration;

namespace Sunderfall.Frontend.SignIn;

/// <summary>Accounts, tokens, roles and live game sessions for the frontend.</summary>
public static class SignInHostingExtensions
{
    /// <summary>The database key the frontend reads accounts with (the same database as the silos, as sunderfall_app).</summary>
    public const string StorageKey = "Storage:ConnectionString";

    public static WebApplicationBuilder AddSunderfallSignIn(this WebApplicationBuilder builder)
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
        builder.Services.AddSingleton<SessionRelay>();
        builder.Services.AddSingleton<SessionObserverReference>();
        builder.Services.AddOptions<SessionRecheckOptions>().BindConfiguration(SessionRecheckOptions.SectionName)
            .Validate(o => o.Problem() is null, $"{SessionRecheckOptions.SectionName}:Interval must be from {SessionRecheckOptions.MinInterval:c} to {SessionRecheckOptions.MaxInterval:c}.")
            .ValidateOnStart();
        builder.Services.AddSingleton<SessionRecheckMetrics>();
        builder.Services.AddHostedService<SessionRecheckService>();
        return builder;
    }

    /// <summary>Authentication and authorization in the pipeline; /api/auth is mapped by <see cref="MapSunderfallSignIn"/>.</summary>
    public static WebApplication UseSunderfallSignIn(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    public static WebApplication MapSunderfallSignIn(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapAuthEndpoints();
        return app;
    }
}
