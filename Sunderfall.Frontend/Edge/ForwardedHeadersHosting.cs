using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Sunderfall.Frontend.Edge;

/// <summary>
/// ASP.NET Core's forwarded headers, believed only from the proxies in <see cref="TrustedProxyOptions"/>: behind a
/// TLS proxy every client would otherwise share the proxy's address (one rate-limit bucket for everyone).
/// </summary>
internal static class ForwardedHeadersHosting
{
    public static IServiceCollection AddSunderfallForwardedHeaders(this IServiceCollection services)
    {
        services.AddOptions<TrustedProxyOptions>().BindConfiguration(TrustedProxyOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<TrustedProxyOptions>, Validator>();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<TrustedProxyOptions>>((o, trusted) =>
        {
            var t = trusted.Value;
            // The middleware believes everyone when both lists are empty: the defaults (loopback) go, and with no
            // trusted proxy nothing is read at all, even if ASPNETCORE_FORWARDEDHEADERS_ENABLED adds the middleware.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            o.ForwardedHeaders = t.Any ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto : ForwardedHeaders.None;
            o.ForwardLimit = t.ForwardLimit;
            foreach (var address in t.Addresses)
            {
                o.KnownProxies.Add(IPAddress.Parse(address));
            }

            foreach (var network in t.Networks)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return services;
    }

    /// <summary>First in the pipeline, before anything reads the client's address or scheme.</summary>
    public static WebApplication UseSunderfallForwardedHeaders(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<TrustedProxyOptions>>().Value.Any)
        {
            app.UseForwardedHeaders();
        }

        return app;
    }

    /// <summary>Names the entry that is not an address or a network.</summary>
    private sealed class Validator : IValidateOptions<TrustedProxyOptions>
    {
        public ValidateOptionsResult Validate(string? name, TrustedProxyOptions options) =>
            options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}
