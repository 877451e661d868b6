using System.Text.RegularExpressions;
using Xunit;

namespace Sunderfall.Architecture.Tests;

/// <summary>
/// The container images are built from project folders named by hand (scripts/build-images.sh hashes them to decide
/// whether to rebuild; the Dockerfiles copy them): every project an image's host project references must be named in
/// both, or an image is built stale, or not at all with Docker.
/// </summary>
public sealed partial class ImageInputsTests
{
    private readonly Solution solution = Solution.Load();

    [Theory]
    [InlineData("silo", "Sunderfall.Silo")]
    [InlineData("frontend", "Sunderfall.Frontend")]
    public void BuildImagesScript_HashesEveryProjectTheImageIsBuiltFrom(string image, string project)
    {
        var script = File.ReadAllText(Path.Combine(solution.Root, "scripts", "build-images.sh")).Replace("\\\n", " ", StringComparison.Ordinal);
        var line = script.Split('\n').Single(l => l.StartsWith($"build_dotnet {image} ", StringComparison.Ordinal));
        var named = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

        var missing = Needed(project).Where(p => !named.Contains(p)).ToList();

        Assert.True(missing.Count == 0, $"scripts/build-images.sh does not hash {string.Join(", ", missing)} for the {image} image");
    }

    [Theory]
    [InlineData("docker/Dockerfile.silo", "Sunderfall.Silo")]
    [InlineData("docker/Dockerfile.frontend", "Sunderfall.Frontend")]
    public void Dockerfile_CopiesEveryProjectTheImageIsBuiltFrom(string dockerfile, string project)
    {
        var text = File.ReadAllText(Path.Combine(solution.Root, dockerfile));
        var copied = CopiedFolder().Matches(text).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

        var missing = Needed(project).Where(p => !copied.Contains(p)).ToList();

        Assert.True(missing.Count == 0, $"{dockerfile} does not copy {string.Join(", ", missing)}, which {project} references");
    }

    private IEnumerable<string> Needed(string project) => solution.ProjectClosure(project).Append(project).Order(StringComparer.Ordinal);

    [GeneratedRegex(@"^COPY (Sunderfall\.[\w.]+)/ \1/", RegexOptions.Multiline)]
    private static partial Regex CopiedFolder();
}
