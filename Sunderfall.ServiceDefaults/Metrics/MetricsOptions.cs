using System.Net;

namespace Sunderfall.ServiceDefaults.Metrics;

/// <summary>Who may read a process's metrics at <see cref="MetricsHosting.Path"/> (Prometheus text format).</summary>
public sealed class MetricsOptions
{
    public const string SectionName = "Metrics";

    /// <summary>Who may scrape when <see cref="AllowedNetworks"/> is empty: this machine only.</summary>
    public static readonly string[] Loopback = ["127.0.0.0/8", "::1/128"];

    /// <summary>
    /// Networks (CIDR, e.g. "10.0.0.0/8") whose addresses may scrape; anyone else gets 404. Empty (the default) means
    /// <see cref="Loopback"/>. Not initialised to it: the configuration binder adds configured entries to an array's
    /// initial ones, so a configured list could never leave loopback out.
    /// </summary>
    public string[] AllowedNetworks { get; set; } = [];

    private string[] Effective => AllowedNetworks.Length == 0 ? Loopback : AllowedNetworks;

    /// <summary>The first entry that is not a network, as a sentence; null when all parse.</summary>
    public string? Problem()
    {
        foreach (var network in AllowedNetworks)
        {
            if (!IPNetwork.TryParse(network, out _))
            {
                return $"Metrics:AllowedNetworks entry '{network}' is not a network in CIDR form such as 10.0.0.0/8 or ::1/128.";
            }
        }

        return null;
    }

    /// <summary>Whether a caller at this address may read the metrics (IPv4 callers seen as IPv6-mapped count as IPv4).</summary>
    public bool Allows(IPAddress? address)
    {
        if (address is null)
        {
            return false;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        foreach (var network in Effective)
        {
            if (IPNetwork.Parse(network).Contains(address))
            {
                return true;
            }
        }

        return false;
    }
}
