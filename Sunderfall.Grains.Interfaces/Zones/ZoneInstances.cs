namespace Sunderfall.Grains.Interfaces.Zones;

/// <summary>
/// Zone instance keys: "{template}/{channel}", e.g. "ashen-vale/1". A crowded zone template opens more channels.
/// </summary>
public static class ZoneInstances
{
    /// <summary>The key of a channel of a template.</summary>
    public static string Key(string template, int channel) => $"{template}/{channel}";

    /// <summary>The template of an instance key (a bare template id is its own template).</summary>
    public static string Template(string instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var slash = instance.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? instance : instance[..slash];
    }
}
