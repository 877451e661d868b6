using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using Sunderfall.Accounts.Accounts;
using Sunderfall.Accounts.Audit;
using Sunderfall.Accounts.Email;
using Sunderfall.Accounts.Mfa;
using Sunderfall.Accounts.Recovery;
using Sunderfall.Accounts.Tokens;

namespace Sunderfall.Accounts;

/// <summary>Registers accounts, tokens and the audit log in a host.</summary>
public static class AccountsHostingExtensions
{
    /// <summary>
    /// <see cref="AuthOptions"/> (section "Auth", validated on start) and <see cref="TokenService"/>: all a process
    /// needs to check access tokens (a silo), without a database.
    /// </summary>
    public static IHostApplicationBuilder AddSunderfallTokens(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.SectionName).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>());
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<TokenService>();
        return builder;
    }

    /// <summary>
    /// Tokens plus <see cref="AccountService"/> and the <see cref="AuditLog"/> hosted service, on a PostgreSQL data
    /// source for <paramref name="connectionString"/> (log in as the application role, sunderfall_app). A data source
    /// already registered is used instead. Account-recovery codes go to the development
    /// <see cref="SmtpRecoveryCodeSender"/> when Email:Host is set, else to the development
    /// <see cref="LogRecoveryCodeSender"/>, which a process outside Development refuses to start with; another
    /// <see cref="IRecoveryCodeSender"/> registered before or after this call wins over both.
    /// </summary>
    public static IHostApplicationBuilder AddSunderfallAccounts(this IHostApplicationBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        builder.AddSunderfallTokens();
        builder.Services.TryAddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        builder.Services.TryAddSingleton<AuditLog>();
        builder.Services.AddHostedService(services => services.GetRequiredService<AuditLog>());
        builder.AddSunderfallRecoveryEmail();
        builder.Services.AddOptions<MfaOptions>().BindConfiguration(MfaOptions.SectionName).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MfaOptions>, MfaOptionsValidator>());
        builder.Services.TryAddSingleton<TotpSecretProtector>();
        builder.Services.AddHostedService<TotpSecretEncryption>();
        builder.Services.TryAddSingleton<AccountPasswordHasher>();
        builder.Services.TryAddSingleton<AccountMfa>();
        builder.Services.TryAddSingleton<AccountRecovery>();
        builder.Services.TryAddSingleton<AccountModeration>();
        builder.Services.TryAddSingleton<AccountService>();
        return builder;
    }

    /// <summary>
    /// <see cref="EmailOptions"/> (section "Email", validated on start) and the recovery-code sender they choose: SMTP
    /// when Email:Host is set, else the development sender (refused on start outside Development).
    /// </summary>
    public static IHostApplicationBuilder AddSunderfallRecoveryEmail(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.SectionName).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>());
        var host = builder.Configuration[EmailOptions.SectionName + ":" + nameof(EmailOptions.Host)];
        if (string.IsNullOrWhiteSpace(host))
        {
            builder.Services.TryAddSingleton<IRecoveryCodeSender, LogRecoveryCodeSender>();
        }
        else
        {
            builder.Services.TryAddSingleton<IRecoveryCodeSender, SmtpRecoveryCodeSender>();
        }

        return builder;
    }

    /// <summary>
    /// JWT bearer authentication with <see cref="TokenService.ValidationParameters"/> (register the tokens first with
    /// <see cref="AddSunderfallTokens"/> or <see cref="AddSunderfallAccounts"/>). Claims keep their short names
    /// ("sub", "name", "role", "sid"), and under <paramref name="hubPathPrefix"/> the token may come as the
    /// access_token query parameter, as browsers' WebSocket clients cannot set headers.
    /// </summary>
    public static AuthenticationBuilder AddSunderfallJwtBearer(this AuthenticationBuilder builder, string hubPathPrefix = "/hubs")
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<TokenService>((options, tokens) =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = tokens.ValidationParameters;
                options.Events ??= new JwtBearerEvents();
                options.Events.OnMessageReceived = context =>
                {
                    var token = context.Request.Query["access_token"];
                    if (!string.IsNullOrEmpty(token) && context.HttpContext.Request.Path.StartsWithSegments(hubPathPrefix, StringComparison.Ordinal))
                    {
                        context.Token = token;
                    }

                    return Task.CompletedTask;
                };
            });
        return builder;
    }
}
