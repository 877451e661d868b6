using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Sunderfall.Deployment.Tests;

/// <summary>One entry of a service's ports: the container port and the host port it is published on, if any.</summary>
internal sealed record PortMapping(int? Published, int Target, string? HostIp = null)
{
    /// <summary>Reads either form docker-compose config prints: "[ip:]published:target[/proto]" or a mapping.</summary>
    public static PortMapping From(YamlNode node)
    {
        if (node is YamlMappingNode mapping)
        {
            var published = mapping.Children.TryGetValue(new YamlScalarNode("published"), out var p) ? ((YamlScalarNode)p).Value : null;
            var target = ((YamlScalarNode)mapping.Children[new YamlScalarNode("target")]).Value!;
            var hostIp = mapping.Children.TryGetValue(new YamlScalarNode("host_ip"), out var h) ? ((YamlScalarNode)h).Value : null;
            return new PortMapping(published is null ? null : Parse(published), Parse(target), hostIp);
        }

        var text = ((YamlScalarNode)node).Value!;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var parts = (slash < 0 ? text : text[..slash]).Split(':');
        return parts.Length == 1
            ? new PortMapping(null, Parse(parts[0]))
            : new PortMapping(Parse(parts[^2]), Parse(parts[^1]), parts.Length == 3 ? parts[0] : null);
    }

    private static int Parse(string port) => int.Parse(port, NumberStyles.None, CultureInfo.InvariantCulture);
}
