using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace Sunderfall.ServiceDefaults.Security;

/// <summary>Puts mutual TLS with the cluster certificate on a silo's or a client's Orleans connections.</summary>
public static class ClusterTlsHostingExtensions
{
    /// <summary>TLS on silo-to-silo connections (both ways) and on the gateway, a cluster certificate required of every peer.</summary>
    public static ISiloBuilder UseClusterTls(this ISiloBuilder builder, ClusterTlsCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(credentials);
        builder.Services.AddOptions<SiloConnectionOptions>().Configure<ILoggerFactory>((connections, loggers) =>
        {
            var tls = credentials.CreateTlsOptions(loggers.CreateLogger<ClusterTlsCredentials>());
            connections.ConfigureSiloInboundConnection(c => c.UseServerTls(tls));
            connections.ConfigureGatewayInboundConnection(c => c.UseServerTls(tls));
            connections.ConfigureSiloOutboundConnection(c => c.UseClientTls(tls));
        });
        return builder;
    }

    /// <summary>TLS on a client's (frontend's) connections to the gateways, presenting the cluster certificate.</summary>
    public static IClientBuilder UseClusterTls(this IClientBuilder builder, ClusterTlsCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(credentials);
        builder.Services.AddOptions<ClientConnectionOptions>().Configure<ILoggerFactory>((connections, loggers) =>
        {
            var tls = credentials.CreateTlsOptions(loggers.CreateLogger<ClusterTlsCredentials>());
            connections.ConfigureConnection(c => c.UseClientTls(tls));
        });
        return builder;
    }
}
