using System.Net;
using Sunderfall.Frontend.Hosting;

namespace Sunderfall.Frontend.Edge;

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

        var exposed = BoundAddresses(configuration).Where(u => u.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !IsLoopback(u)).ToList();
        return exposed.Count == 0
            ? null
            : $"frontend: plain HTTP on {string.Join(", ", exposed)} would send tokens and passwords in clear: serve https:// with a certificate " +
              "(Kestrel:Certificates:Default:Path), bind http:// to 127.0.0.1 only, or set Frontend:AllowPlainHttp=true when TLS ends at a proxy in front";
    }

    /// <summary>
    /// The addresses Kestrel will listen on, by ASP.NET Core's precedence: endpoints under Kestrel:Endpoints win over
    /// the hosting addresses (unless preferHostingUrls); the hosting addresses are urls (--urls, ASPNETCORE_URLS) or,
    /// only when urls is empty, http_ports and https_ports (ASPNETCORE_HTTP_PORTS, which the .NET container images set).
    /// </summary>
    private static List<string> BoundAddresses(IConfiguration configuration)
    {
        var endpoints = configuration.GetSection("Kestrel:Endpoints").GetChildren()
            .Select(e => e["Url"] ?? "").Where(u => u.Length > 0).ToList();
        var hosting = List(configuration["urls"]);
        if (hosting.Count == 0)
        {
            hosting = [.. List(configuration["http_ports"]).Select(port => $"http://*:{port}"), .. List(configuration["https_ports"]).Select(port => $"https://*:{port}")];
        }

        var preferHosting = bool.TryParse(configuration["preferHostingUrls"], out var prefer) && prefer;
        return endpoints.Count == 0 || (preferHosting && hosting.Count > 0) ? hosting : endpoints;
    }

    private static List<string> List(string? value) =>
        [.. (value ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static bool IsLoopback(string url)
    {
        var host = url["http://".Length..].Split('/')[0];
        host = host.StartsWith('[') ? host[1..host.IndexOf(']', StringComparison.Ordinal)] : host.Split(':')[0];
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
    }
}
