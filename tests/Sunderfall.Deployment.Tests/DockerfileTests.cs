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
    public void Dockerfile_BuildsOnTheSdkAndRunsOnTheBaseGivenAsABuildArgument(string path)
    {
        var dockerfile = DockerfileModel.Load(path);
        var froms = dockerfile.Instructions.Where(i => i.Keyword == "FROM").ToList();

        Assert.True(froms.Count >= 2, $"{path} is not a multi-stage build.");
        Assert.StartsWith("${SDK} ", froms[0].Arguments + " ", StringComparison.Ordinal);
        Assert.Equal("mcr.microsoft.com/dotnet/sdk:10.0", dockerfile.ArgumentDefault("SDK"));
        // Any Debian-like base: runtime-deps by default, the debootstrap base of scripts/build-images.sh here.
        Assert.Equal("${BASE}", dockerfile.RuntimeBase);
        Assert.Equal("mcr.microsoft.com/dotnet/runtime-deps:10.0", dockerfile.ArgumentDefault("BASE"));

        var runs = dockerfile.Instructions.Where(i => i.Keyword == "RUN").Select(i => i.Arguments).ToList();
        var restore = runs.FindIndex(r => r.Contains("dotnet restore", StringComparison.Ordinal));
        var publish = runs.FindIndex(r => r.Contains("dotnet publish", StringComparison.Ordinal) && r.Contains("-c Release", StringComparison.Ordinal));
        Assert.True(restore >= 0 && publish > restore, $"{path} should run dotnet restore and then dotnet publish -c Release.");
        // runtime-deps has no .NET: the publish output must carry its runtime.
        Assert.Contains("--self-contained", runs[publish], StringComparison.Ordinal);
        Assert.DoesNotContain(dockerfile.EffectiveFinalStage, i => i.Keyword == "RUN" && i.Arguments.Contains("dotnet ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("docker/Dockerfile.silo", "Sunderfall.Silo/Sunderfall.Silo.csproj")]
    [InlineData("docker/Dockerfile.frontend", "Sunderfall.Frontend/Sunderfall.Frontend.csproj")]
    public void Dockerfile_StartsTheAssemblyItPublishes(string path, string project)
    {
        var dockerfile = DockerfileModel.Load(path);

        // Self-contained: the app host named after the assembly, in the folder the publish output is copied to.
        var entrypoint = dockerfile.EffectiveFinalStage.Last(i => i.Keyword == "ENTRYPOINT");
        Assert.Equal(["/app/" + ProjectFiles.AssemblyName(project)], entrypoint.ExecForm());
        Assert.Contains(dockerfile.FinalStage, i => i.Keyword == "COPY" && i.CopiesFromStage && DockerfileModel.Normalize(i.Destination) == "/app");
    }

    [Theory]
    [InlineData("docker/Dockerfile.silo")]
    [InlineData("docker/Dockerfile.frontend")]
    public void Dockerfile_RunsAsANonRootUser(string path)
    {
        var dockerfile = DockerfileModel.Load(path);

        var user = dockerfile.EffectiveFinalStage.LastOrDefault(i => i.Keyword == "USER");
        Assert.True(user is not null, $"{path} has no USER in its final stage or the stages it builds on, so the container runs as root.");
        var name = user.Arguments.Split(':')[0];
        Assert.True(name is not ("root" or "0" or ""), $"{path} runs as {name} ({user}).");
    }

    [Theory]
    [InlineData("docker/Dockerfile.silo")]
    [InlineData("docker/Dockerfile.frontend")]
    public void Dockerfile_ChecksReadinessWithAToolTheImageHas(string path)
    {
        var dockerfile = DockerfileModel.Load(path);

        var healthcheck = dockerfile.EffectiveFinalStage.LastOrDefault(i => i.Keyword == "HEALTHCHECK");
        Assert.True(healthcheck is not null, $"{path} has no HEALTHCHECK in its final stage or the stages it builds on.");
        var command = healthcheck.Arguments[(healthcheck.Arguments.IndexOf("CMD ", StringComparison.Ordinal) + 4)..];
        Assert.Contains("/health/ready", command, StringComparison.Ordinal);

        // Neither base has curl or wget: the check is a bash script the build copies into /app from docker/.
        var tool = command.TrimStart('[', '"', ' ').Split(' ', '"')[0];
        Assert.StartsWith("/app/", tool, StringComparison.Ordinal);
        var script = Path.GetFileName(tool);
        Assert.Contains(dockerfile.ContextCopies, c => c.Sources.Any(source => Path.GetFileName(source) == script) && DockerfileModel.Normalize(c.Destination) == "/app");
        var source = RepositoryRoot.Combine(Path.Combine("docker", script));
        Assert.True(File.Exists(source), $"{path} checks health with {tool}, but docker/{script} does not exist.");
        Assert.StartsWith("#!/bin/bash", File.ReadAllText(source), StringComparison.Ordinal);
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
