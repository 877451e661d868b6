using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Configuration;

namespace Sunderfall.ServiceDefaults.Configuration;

/// <summary>Configuration shared by every Sunderfall process.</summary>
public static class SunderfallConfiguration
{
    /// <summary>Environment variables with this prefix override configuration: SUNDERFALL_Cluster__Redis sets Cluster:Redis.</summary>
    public const string EnvironmentPrefix = "SUNDERFALL_";

    /// <summary>Adds the SUNDERFALL_ environment variables on top of appsettings and the default sources.</summary>
    public static IHostApplicationBuilder AddSunderfallConfiguration(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Configuration.AddEnvironmentVariables(EnvironmentPrefix);
        return builder;
    }

    /// <summary>The environment variable that sets a configuration key, for error messages.</summary>
    public static string EnvironmentName(string key) => EnvironmentPrefix + key.Replace(":", "__", StringComparison.Ordinal);
}
