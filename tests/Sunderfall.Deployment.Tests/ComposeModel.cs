using YamlDotNet.RepresentationModel;

namespace Sunderfall.Deployment.Tests;

/// <summary>
/// docker/docker-compose.yml as docker-compose itself resolves it (anchors merged, variables interpolated, short
/// forms expanded), so the tests read what compose would run rather than how the file happens to spell it.
/// </summary>
internal sealed class ComposeModel
{
    private ComposeModel(YamlMappingNode root)
    {
        Services = ((YamlMappingNode)ComposeService.Child(root, "services")!).Children
            .Select(s => new ComposeService(((YamlScalarNode)s.Key).Value!, (YamlMappingNode)s.Value))
            .ToList();
    }

    public IReadOnlyList<ComposeService> Services { get; }

    public static async Task<ComposeModel> LoadAsync()
    {
        var result = await DockerCompose.RunAsync(DockerCompose.ComposeFile, "config");
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"docker-compose config rejected {DockerCompose.ComposeFile}: {result}");
        }

        var yaml = new YamlStream();
        yaml.Load(new StringReader(result.StandardOutput));
        return new ComposeModel((YamlMappingNode)yaml.Documents[0].RootNode);
    }

    /// <summary>The services built from the given Dockerfile (a path relative to the repository root).</summary>
    public IReadOnlyList<ComposeService> BuiltFrom(string dockerfile) =>
        Services.Where(s => s.Dockerfile is { } file && SamePath(Path.Combine(s.BuildContext!, file), RepositoryRoot.Combine(dockerfile))).ToList();

    /// <summary>The one service running an image of this name ("postgres" matches "postgres:15").</summary>
    public ComposeService RunningImage(string imageName) =>
        Services.Single(s => s.Image is { } image && image.Split(':')[0] == imageName);

    private static bool SamePath(string a, string b) => string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), StringComparison.Ordinal);
}
