using YamlDotNet.RepresentationModel;

namespace Sunderfall.Deployment.Tests;

/// <summary>One service of a resolved compose file, read the way docker-compose config prints it.</summary>
internal sealed class ComposeService(string name, YamlMappingNode node)
{
    public string Name => name;

    public string? Image => Scalar(node, "image");

    /// <summary>The Dockerfile path relative to the build context, or null for a service run from an image.</summary>
    public string? Dockerfile => Child(node, "build") is YamlMappingNode build ? Scalar(build, "dockerfile") ?? "Dockerfile" : null;

    /// <summary>The build context as resolved by docker-compose (an absolute path).</summary>
    public string? BuildContext => Child(node, "build") is YamlMappingNode build ? Scalar(build, "context") : null;

    public IReadOnlyDictionary<string, string> Environment =>
        Child(node, "environment") is YamlMappingNode environment
            ? environment.Children.ToDictionary(e => ((YamlScalarNode)e.Key).Value!, e => ((YamlScalarNode)e.Value).Value ?? "")
            : new Dictionary<string, string>();

    /// <summary>Each bind mount as (host path, container path, read-only), in the short or the long syntax.</summary>
    public IReadOnlyList<(string Source, string Target, bool ReadOnly)> Volumes =>
        Child(node, "volumes") is YamlSequenceNode volumes
            ? volumes.Children.Select(v => v is YamlMappingNode mount
                ? (Scalar(mount, "source") ?? "", Scalar(mount, "target") ?? "", Scalar(mount, "read_only") == "true")
                : ShortVolume(((YamlScalarNode)v).Value ?? "")).ToList()
            : [];

    public YamlMappingNode? Healthcheck => Child(node, "healthcheck") as YamlMappingNode;

    /// <summary>Service name to the condition it must reach first (docker-compose config prints the long form).</summary>
    public IReadOnlyDictionary<string, string> DependsOn =>
        Child(node, "depends_on") is YamlMappingNode dependsOn
            ? dependsOn.Children.ToDictionary(
                d => ((YamlScalarNode)d.Key).Value!,
                d => (d.Value is YamlMappingNode condition ? Scalar(condition, "condition") : null) ?? "service_started")
            : new Dictionary<string, string>();

    public IReadOnlyList<PortMapping> Ports =>
        Child(node, "ports") is YamlSequenceNode ports ? ports.Children.Select(PortMapping.From).ToList() : [];

    /// <summary>Network name to the fixed IPv4 address the service has on it (null when the address is dynamic).</summary>
    public IReadOnlyDictionary<string, string?> Networks =>
        Child(node, "networks") is YamlMappingNode networks
            ? networks.Children.ToDictionary(
                n => ((YamlScalarNode)n.Key).Value!,
                n => n.Value is YamlMappingNode settings ? Scalar(settings, "ipv4_address") : null)
            : new Dictionary<string, string?>();

    /// <summary>The entrypoint override, as text, or null when the image's own is used.</summary>
    public string? Entrypoint => Child(node, "entrypoint")?.ToString();

    /// <summary>The command override, as text, or null.</summary>
    public string? Command => Child(node, "command") is YamlSequenceNode command
        ? string.Join(' ', command.Children.Select(c => ((YamlScalarNode)c).Value))
        : Scalar(node, "command");

    public string EnvironmentValue(string key) =>
        Environment.TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"Service {name} does not set {key}.");

    public override string ToString() => name;

    private static (string Source, string Target, bool ReadOnly) ShortVolume(string volume)
    {
        var parts = volume.Split(':');
        return parts.Length switch
        {
            1 => ("", parts[0], false),
            2 => (parts[0], parts[1], false),
            _ => (parts[0], parts[1], parts[2].Split(',').Contains("ro")),
        };
    }

    internal static YamlNode? Child(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    internal static string? Scalar(YamlMappingNode mapping, string key) => (Child(mapping, key) as YamlScalarNode)?.Value;
}
