using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Sunderfall.Frontend.Edge;

/// <summary>
/// The proxies or load balancers in front of the frontend whose X-Forwarded-For and X-Forwarded-Proto headers are
/// believed. Per-address rate limits and the audit log then see the client's address instead of the proxy's. Empty
/// (the default) ignores those headers: anyone could write them. Section "TrustedProxies".
/// </summary>
public sealed class TrustedProxyOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "TrustedProxies";

    /// <summary>IP addresses of trusted proxies, e.g. 10.0.0.5 or fd00::5.</summary>
    public string[] Addresses { get; set; } = [];

    /// <summary>Networks of trusted proxies in CIDR form, e.g. 10.0.0.0/8.</summary>
    public string[] Networks { get; set; } = [];

    /// <summary>How many X-Forwarded-For entries, from the right, are read: one per trusted proxy in the chain.</summary>
    [Range(1, 10)]
    public int ForwardLimit { get; set; } = 1;

    /// <summary>True when at least one proxy is trusted.</summary>
    public bool Any => Addresses.Length > 0 || Networks.Length > 0;

    /// <summary>What is wrong with the lists, or null.</summary>
    public string? Problem()
    {
        var badAddress = Addresses.FirstOrDefault(a => !IPAddress.TryParse(a, out _));
        if (badAddress is not null)
        {
            return $"{SectionName}:Addresses: '{badAddress}' is not an IP address (e.g. 10.0.0.5)";
        }

        var badNetwork = Networks.FirstOrDefault(n => !IPNetwork.TryParse(n, out _));
        return badNetwork is null ? null : $"{SectionName}:Networks: '{badNetwork}' is not a network in CIDR form (e.g. 10.0.0.0/8)";
    }
}
