using System.ComponentModel.DataAnnotations;

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

    /// <summary>The address other silos and clients use to reach this one.</summary>
    [Required]
    public string AdvertisedAddress { get; set; } = "127.0.0.1";
}
