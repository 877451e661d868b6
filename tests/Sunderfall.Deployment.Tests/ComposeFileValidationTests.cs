using Xunit;
using YamlDotNet.RepresentationModel;

namespace Sunderfall.Deployment.Tests;

/// <summary>docker-compose accepts the compose file, and would reject a broken one.</summary>
public sealed class ComposeFileValidationTests
{
    [Fact]
    public async Task ComposeFile_IsValid()
    {
        var result = await DockerCompose.RunAsync(DockerCompose.ComposeFile, "config", "--quiet");

        Assert.True(result.ExitCode == 0, $"docker-compose config rejected {DockerCompose.ComposeFile}: {result}");
    }

    [Theory]
    [InlineData("POSTGRES_PASSWORD")]
    [InlineData("APP_DB_PASSWORD")]
    [InlineData("REDIS_PASSWORD")]
    [InlineData("AUTH_SIGNING_KEY")]
    [InlineData("MFA_SECRET_KEY")]
    [InlineData("SMTP_HOST")]
    [InlineData("SMTP_PASSWORD")]
    public async Task ComposeFile_WithoutASecret_IsRejectedNamingIt(string secret)
    {
        // No secret has a default: a deployment that forgot one must not start with a known value.
        var variables = DockerCompose.Secrets.Where(s => s.Key != secret).ToDictionary();

        var result = await DockerCompose.RunAsync(DockerCompose.ComposeFile, variables, "config", "--quiet");

        Assert.True(result.ExitCode != 0, $"docker-compose accepted the compose file without {secret}: {result}");
        Assert.Contains("set " + secret, result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public Task ComposeFile_WithAMisspeltServiceField_IsRejected() =>
        AssertRejectedAsync(
            root => Frontend(root).Add("helthcheck", new YamlMappingNode()),
            named: "helthcheck");

    [Fact]
    public Task ComposeFile_WithAMisspeltDependsOnCondition_IsRejected() =>
        AssertRejectedAsync(
            root =>
            {
                var dependency = (YamlMappingNode)((YamlMappingNode)Frontend(root)["depends_on"]).Children.First().Value;
                dependency.Children[new YamlScalarNode("condition")] = new YamlScalarNode("service_heathy");
            },
            named: "service_heathy");

    /// <summary>Writes a copy of the compose file with one mistake and expects docker-compose to reject it, naming it.</summary>
    private static async Task AssertRejectedAsync(Action<YamlMappingNode> breakage, string named)
    {
        var folder = Path.Combine(Path.GetTempPath(), "sunderfall-compose-" + Guid.NewGuid().ToString("N"));
        // docker/ inside it, so the file's build context ".." resolves to a folder that exists.
        var copy = Path.Combine(folder, "docker", "docker-compose.yml");
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        try
        {
            var yaml = new YamlStream();
            yaml.Load(new StringReader(await File.ReadAllTextAsync(RepositoryRoot.Combine(DockerCompose.ComposeFile))));

            // The copy unbroken passes, so the failure below is the mistake's and not the copying's.
            await SaveAsync(yaml, copy);
            var unbroken = await DockerCompose.RunAsync(copy, "config", "--quiet");
            Assert.True(unbroken.ExitCode == 0, $"the unbroken copy {copy} was rejected: {unbroken}");

            breakage((YamlMappingNode)yaml.Documents[0].RootNode);
            await SaveAsync(yaml, copy);
            var broken = await DockerCompose.RunAsync(copy, "config", "--quiet");

            Assert.True(broken.ExitCode != 0, $"docker-compose accepted a compose file with '{named}': {broken}");
            Assert.Contains(named, broken.StandardError, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static YamlMappingNode Frontend(YamlMappingNode root) => (YamlMappingNode)root["services"]["frontend"];

    private static async Task SaveAsync(YamlStream yaml, string path)
    {
        await using var writer = new StreamWriter(path);
        // Keep the file's own anchors so its aliases and merge keys are written back as such.
        yaml.Save(writer, assignAnchors: false);
    }
}
