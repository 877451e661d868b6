using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Net.Sockets;

namespace Sunderfall.Silo.Hosting;

/// <summary>Where this silo listens. Section "Silo". The HTTP port (health, dashboard) is set with ASPNETCORE_URLS.</summary>
public sealed class SiloOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Silo";

    /// <summary>Silo-to-silo port.</summary>
    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port that clients (frontends) connect to.</summary>
    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// The address other silos and clients use to reach this one: an IP address, or a host name resolved once at start
    /// to its first IPv4 address (in a container, its own service name: Orleans advertises an address, not a name).
    /// </summary>
    [Required]
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary><see cref="AdvertisedAddress"/> as an IP address, resolving a host name.</summary>
    public IPAddress AdvertisedIPAddress() =>
        IPAddress.TryParse(AdvertisedAddress, out var address)
            ? address
            : Dns.GetHostAddresses(AdvertisedAddress).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork)
              ?? throw new InvalidOperationException($"{SectionName}:{nameof(AdvertisedAddress)} '{AdvertisedAddress}' has no IPv4 address");
}
