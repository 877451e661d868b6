using Xunit;

namespace Sunderfall.Deployment.Tests;

/// <summary>The build context the Dockerfiles see: the repository root less what .dockerignore leaves out.</summary>
public sealed class DockerIgnoreTests
{
    [Theory]
    [InlineData("Sunderfall.Silo/bin/Release/net10.0/Sunderfall.Silo.dll")]
    [InlineData("Sunderfall.Silo/obj/project.assets.json")]
    [InlineData("tests/Sunderfall.Grains.Tests/obj/project.assets.json")]
    [InlineData(".data/postgres/pg/PG_VERSION")]
    [InlineData(".git/HEAD")]
    [InlineData("Sunderfall.Frontend/client/node_modules/vite/package.json")]
    [InlineData("tests/Sunderfall.Grains.Tests/TestResults/results.trx")]
    public void DockerIgnore_KeepsBuildOutputAndLocalDataOutOfTheContext(string path)
    {
        // A host's obj/ copied over the image's would replace its restore with paths from the host.
        Assert.True(DockerIgnore.Load().Excludes(path), $"{DockerIgnore.FileName} lets {path} into the build context.");
    }

    [Theory]
    [InlineData("docker/Dockerfile.silo")]
    [InlineData("docker/Dockerfile.frontend")]
    public void DockerIgnore_KeepsEveryPathTheDockerfilesCopy(string path)
    {
        var ignore = DockerIgnore.Load();

        var excluded = DockerfileModel.Load(path).ContextCopies
            .SelectMany(c => c.Sources)
            .Where(source => ignore.Excludes(DockerfileModel.Normalize(source)))
            .ToList();
        Assert.True(excluded.Count == 0, $"{path} copies {string.Join(", ", excluded)}, which {DockerIgnore.FileName} leaves out.");
    }
}
