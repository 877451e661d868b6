using Xunit;

namespace Sunderfall.Deployment.Tests;

/// <summary>
/// What can be checked of docker/Dockerfile.* without a Docker engine: that the build has every file it needs and
/// that the image runs the right assembly, unprivileged, with a health check that can actually run.
/// </summary>
public sealed class DockerfileTests
{
    [Theory]
    [InlineData("docker/Dockerfile.silo")]
    [InlineData("docker/Dockerfile.frontend")]
    public void Dockerfile_CopiesOnlyPathsThatExistInTheRepository(string path)
    {
        var dockerfile = DockerfileModel.Load(path);

        var missing = dockerfile.ContextCopies
            .SelectMany(copy => copy.Sources.Select(source => (copy, source)))
            .Where(c => !ExistsInContext(c.source))
            .Select(c => $"{c.source} ({c.copy})")
            .ToList();
        Assert.NotEmpty(dockerfile.ContextCopies);
        Assert.True(missing.Count == 0, $"{path} copies paths that do not exist: {string.Join("; ", missing)}");
    }

    [Theory]
    [InlineData("docker/Dockerfile.silo", "Sunderfall.Silo/Sunderfall.Silo.csproj")]
    [InlineData("docker/Dockerfile.frontend", "Sunderfall.Frontend/Sunderfall.Frontend.csproj")]
    public void Dockerfile_CopiesEveryProjectThePublishedProjectNeeds(string path, string project)
    {
        var dockerfile = DockerfileModel.Load(path);
        Assert.Equal(project, dockerfile.PublishedProject);

        // Whole folders, each at the same relative place, so ProjectReference paths resolve inside the image.
        var copiedFolders = dockerfile.ContextCopies
            .SelectMany(copy => copy.Sources.Select(source => (Source: DockerfileModel.Normalize(source), Destination: DockerfileModel.Normalize(copy.Destination))))
            .Where(c => c.Source == c.Destination)
            .Select(c => c.Source)
            .ToHashSet(StringComparer.Ordinal);
        var notCopied = ProjectFiles.ProjectClosure(project).Where(folder => !copiedFolders.Contains(folder)).ToList();
        Assert.True(notCopied.Count == 0, $"{path} publishes {project} but does not copy the folders {string.Join(", ", notCopied)}");

        // Central package versions and the shared build settings live at the root.
        var copiedFiles = dockerfile.ContextCopies.SelectMany(c => c.Sources).Select(DockerfileModel.Normalize).ToList();
        Assert.Contains("Directory.Build.props", copiedFiles);
        Assert.Contains("Directory.Packages.props", copiedFiles);
        Assert.Contains(".editorconfig", copiedFiles);
    }

    [Theory]
    [InlineData("docker/Dockerfile.silo")]
    [InlineData("docker/Dockerfile.frontend")]
    public void Dockerfile_BuildsOnTheSdkAndRunsOnTheAspNetRuntime(string path)
    {
        var dockerfile = DockerfileModel.Load(path);
        var froms = dockerfile.Instructions.Where(i => i.Keyword == "FROM").ToList();

        Assert.True(froms.Count >= 2, $"{path} is not a multi-stage build.");
        Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:10.0 ", froms[0].Arguments + " ", StringComparison.Ordinal);
        Assert.StartsWith("mcr.microsoft.com/dotnet/aspnet:10.0 ", froms[^1].Arguments + " ", StringComparison.Ordinal);

        var runs = dockerfile.Instructions.Where(i => i.Keyword == "RUN").Select(i => i.Arguments).ToList();
        var restore = runs.FindIndex(r => r.Contains("dotnet restore", StringComparison.Ordinal));
        var publish = runs.FindIndex(r => r.Contains("dotnet publish", StringComparison.Ordinal) && r.Contains("-c Release", StringComparison.Ordinal));
        Assert.True(restore >= 0 && publish > restore, $"{path} should run dotnet restore and then dotnet publish -c Release.");
        Assert.DoesNotContain(dockerfile.FinalStage, i => i.Keyword == "RUN" && i.Arguments.Contains("dotnet ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("docker/Dockerfile.silo", "Sunderfall.Silo/Sunderfall.Silo.csproj")]
    [InlineData("docker/Dockerfile.frontend", "Sunderfall.Frontend/Sunderfall.Frontend.csproj")]
    public void Dockerfile_StartsTheAssemblyItPublishes(string path, string project)
    {
        var dockerfile = DockerfileModel.Load(path);

        var entrypoint = Assert.Single(dockerfile.FinalStage, i => i.Keyword == "ENTRYPOINT");
        Assert.Equal(["dotnet", ProjectFiles.AssemblyName(project) + ".dll"], entrypoint.ExecForm());
    }

    [Theory]
    [InlineData("docker/Dockerfile.silo")]
    [InlineData("docker/Dockerfile.frontend")]
    public void Dockerfile_RunsAsANonRootUser(string path)
    {
        var dockerfile = DockerfileModel.Load(path);

        var user = dockerfile.FinalStage.LastOrDefault(i => i.Keyword == "USER");
        Assert.True(user is not null, $"{path} has no USER in its final stage, so the container runs as root.");
        var name = user.Arguments.Split(':')[0];
        Assert.True(name is not ("root" or "0" or ""), $"{path} runs as {name} ({user}).");
    }

    [Theory]
    [InlineData("docker/Dockerfile.silo")]
    [InlineData("docker/Dockerfile.frontend")]
    public void Dockerfile_ChecksReadinessWithAToolTheImageHas(string path)
    {
        var dockerfile = DockerfileModel.Load(path);

        var healthcheck = dockerfile.FinalStage.LastOrDefault(i => i.Keyword == "HEALTHCHECK");
        Assert.True(healthcheck is not null, $"{path} has no HEALTHCHECK in its final stage.");
        var command = healthcheck.Arguments[(healthcheck.Arguments.IndexOf("CMD ", StringComparison.Ordinal) + 4)..];
        Assert.Contains("/health/ready", command, StringComparison.Ordinal);

        // The aspnet runtime image has neither curl nor wget: whichever the check calls must be installed in this stage.
        var tool = command.TrimStart('[', '"', ' ').Split(' ', '"')[0];
        if (tool is "curl" or "wget")
        {
            Assert.Contains(dockerfile.FinalStage, i => i.Keyword == "RUN"
                && i.Arguments.Contains("apt-get install", StringComparison.Ordinal)
                && i.Arguments.Split(' ').Contains(tool));
        }
    }

    private static bool ExistsInContext(string source)
    {
        var full = RepositoryRoot.Combine(source);
        if (source.IndexOfAny(['*', '?', '[']) < 0)
        {
            return File.Exists(full) || Directory.Exists(full);
        }

        var folder = Path.GetDirectoryName(full)!;
        return Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder, Path.GetFileName(full)).Any();
    }
}
