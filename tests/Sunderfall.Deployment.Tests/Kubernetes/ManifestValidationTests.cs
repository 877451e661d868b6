using System.Text.RegularExpressions;
using Xunit;

namespace Sunderfall.Deployment.Tests.Kubernetes;

/// <summary>
/// The kustomizations render (`kubectl kustomize`) and every object they render passes the Kubernetes API schemas
/// (scripts/validate-kubernetes.sh: kubernetes-models' validators, plus a check for fields the API does not have);
/// a copy with one mistake is refused, naming it. No Kubernetes cluster is involved.
/// </summary>
public sealed partial class ManifestValidationTests
{
    private const string Script = "scripts/validate-kubernetes.sh";

    [Theory]
    [InlineData(RenderedManifests.Base)]
    [InlineData(RenderedManifests.Production)]
    public async Task Kustomization_WhenRendered_PassesTheKubernetesApiSchemas(string directory)
    {
        var result = await ExternalCommand.RunAsync(RepositoryRoot.Combine(Script), RepositoryRoot.Combine(directory));

        var summary = Summary().Match(result.StandardOutput);
        Assert.True(result.ExitCode == 0 && summary.Success, $"{directory} did not validate: {result}");
        Assert.Equal("0", summary.Groups["errors"].Value);
        Assert.True(int.Parse(summary.Groups["objects"].Value, System.Globalization.CultureInfo.InvariantCulture) >= 15, $"{directory} rendered too few objects: {result}");
    }

    [Fact]
    public Task Manifests_WithAMisspeltContainerField_AreRefused() =>
        AssertRefusedAsync("base/silo-deployment.yaml", "livenessProbe:", "livenesProbe:", named: "livenesProbe: unknown field");

    [Fact]
    public Task Manifests_WithAStringWhereTheApiWantsANumber_AreRefused() =>
        AssertRefusedAsync("base/silo-deployment.yaml", "failureThreshold: 90", "failureThreshold: ninety", named: "startupProbe/failureThreshold must be integer");

    [Fact]
    public Task Manifests_WithAValueOutsideTheApisChoices_AreRefused() =>
        AssertRefusedAsync("base/network-policies.yaml", "protocol: TCP", "protocol: TPC", named: "protocol must be equal to one of the allowed values");

    [Fact]
    public Task Manifests_WithAKindTheApiDoesNotHave_AreRefused() =>
        AssertRefusedAsync("base/disruption-budgets.yaml", "kind: PodDisruptionBudget", "kind: PodDisruptionBudgets", named: "policy/v1 PodDisruptionBudgets is not a Kubernetes API type");

    /// <summary>Copies deploy/kubernetes, makes one replacement, and expects the production overlay to be refused, naming the mistake.</summary>
    private static async Task AssertRefusedAsync(string file, string find, string replaceWith, string named)
    {
        var copy = Path.Combine(Path.GetTempPath(), "sunderfall-kubernetes-" + Guid.NewGuid().ToString("N"));
        try
        {
            foreach (var folder in new[] { "base", "overlays/production" })
            {
                var source = RepositoryRoot.Combine("deploy/kubernetes/" + folder);
                var target = Path.Combine(copy, folder);
                Directory.CreateDirectory(target);
                foreach (var yaml in Directory.GetFiles(source, "*.yaml"))
                {
                    File.Copy(yaml, Path.Combine(target, Path.GetFileName(yaml)));
                }
            }

            var overlay = Path.Combine(copy, "overlays", "production");
            var unbroken = await ExternalCommand.RunAsync(RepositoryRoot.Combine(Script), overlay);
            Assert.True(unbroken.ExitCode == 0, $"the unbroken copy was refused, so the test below would prove nothing: {unbroken}");

            var path = Path.Combine(copy, file);
            var text = await File.ReadAllTextAsync(path);
            Assert.Contains(find, text, StringComparison.Ordinal);
            await File.WriteAllTextAsync(path, text.Replace(find, replaceWith, StringComparison.Ordinal));

            var broken = await ExternalCommand.RunAsync(RepositoryRoot.Combine(Script), overlay);
            Assert.True(broken.ExitCode != 0, $"{file} with '{replaceWith}' was accepted: {broken}");
            Assert.Contains(named, broken.StandardOutput, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    [GeneratedRegex(@"^(?<objects>\d+) objects, (?<errors>\d+) errors$", RegexOptions.Multiline)]
    private static partial Regex Summary();
}
