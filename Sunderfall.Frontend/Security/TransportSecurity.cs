using System.Net;
using Sunderfall.Frontend.Hosting;

namespace Sunderfall.Frontend.Security;

/// <summary>
/// Refuses to serve plain HTTP (ws://) anywhere but loopback unless told that TLS ends in front of the frontend:
/// tokens and passwords must not cross a network in clear.
/// </summary>
public static class TransportSecurity
{
    /// <summary>The one line to print when the configured addresses are unsafe, or null.</summary>
    public static string? Check(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(FrontendOptions.SectionName).Get<FrontendOptions>() ?? new FrontendOptions();
        if (options.AllowPlainHttp)
        {
            return null;
        }

        var urls = (configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Concat(configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"] ?? ""));
        var exposed = urls.Where(u => u.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !IsLoopback(u)).ToList();
        return exposed.Count == 0
            ? null
            : $"frontend: plain HTTP on {string.Join(", ", exposed)} would send tokens and passwords in clear: serve https:// with a certificate " +
              "(Kestrel:Certificates:Default:Path), bind http:// to 127.0.0.1 only, or set Frontend:AllowPlainHttp=true when TLS ends at a proxy in front";
    }

    private static bool IsLoopback(string url)
    {
        var host = url["http://".Length..].Split('/')[0];
        host = host.StartsWith('[') ? host[1..host.IndexOf(']', StringComparison.Ordinal)] : host.Split(':')[0];
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
    }
}
