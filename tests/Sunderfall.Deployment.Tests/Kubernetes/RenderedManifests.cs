using Xunit;
using YamlDotNet.RepresentationModel;

namespace Sunderfall.Deployment.Tests.Kubernetes;

/// <summary>
/// The objects a kustomization renders to (`kubectl kustomize DIR`), so the tests read what would be applied, with
/// the overlay's patches, generated names and namespace in place.
/// </summary>
internal sealed class RenderedManifests
{
    public const string Base = "deploy/kubernetes/base";
    public const string Production = "deploy/kubernetes/overlays/production";

    private static readonly Dictionary<string, Lazy<Task<RenderedManifests>>> Cache = new()
    {
        [Base] = new(() => RenderAsync(Base)),
        [Production] = new(() => RenderAsync(Production)),
    };

    private RenderedManifests(string directory, IReadOnlyList<YamlMappingNode> objects)
    {
        Directory = directory;
        Objects = objects;
    }

    public string Directory { get; }

    public IReadOnlyList<YamlMappingNode> Objects { get; }

    /// <summary>The rendering of the base or the production overlay, shared by every test.</summary>
    public static Task<RenderedManifests> OfAsync(string directory) => Cache[directory].Value;

    public IEnumerable<YamlMappingNode> OfKind(string kind) => Objects.Where(o => Scalar(o, "kind") == kind);

    /// <summary>The one object of this kind whose name is or starts with <paramref name="name"/> (generated names carry a hash).</summary>
    public YamlMappingNode Single(string kind, string name) =>
        Assert.Single(OfKind(kind), o => Scalar(o, "metadata", "name") is { } n && (n == name || n.StartsWith(name + "-", StringComparison.Ordinal)));

    /// <summary>The node at the path of mapping keys, or null.</summary>
    public static YamlNode? Node(YamlNode? node, params string[] path)
    {
        foreach (var key in path)
        {
            if (node is not YamlMappingNode mapping || !mapping.Children.TryGetValue(new YamlScalarNode(key), out node))
            {
                return null;
            }
        }

        return node;
    }

    public static string? Scalar(YamlNode? node, params string[] path) => (Node(node, path) as YamlScalarNode)?.Value;

    public static IEnumerable<YamlMappingNode> Items(YamlNode? node, params string[] path) =>
        Node(node, path) is YamlSequenceNode sequence ? sequence.Children.OfType<YamlMappingNode>() : [];

    public static IReadOnlyDictionary<string, string> Map(YamlNode? node, params string[] path) =>
        Node(node, path) is YamlMappingNode mapping
            ? mapping.Children.ToDictionary(c => ((YamlScalarNode)c.Key).Value!, c => (c.Value as YamlScalarNode)?.Value ?? "")
            : new Dictionary<string, string>();

    private static async Task<RenderedManifests> RenderAsync(string directory)
    {
        var result = await ExternalCommand.RunAsync("kubectl", "kustomize", RepositoryRoot.Combine(directory));
        Assert.True(result.ExitCode == 0, $"kubectl kustomize {directory} failed: {result}");
        var yaml = new YamlStream();
        yaml.Load(new StringReader(result.StandardOutput));
        return new RenderedManifests(directory, yaml.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>().ToList());
    }
}
