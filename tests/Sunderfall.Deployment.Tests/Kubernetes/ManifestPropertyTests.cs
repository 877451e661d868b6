using System.Globalization;
using System.Text.RegularExpressions;
using Xunit;
using YamlDotNet.RepresentationModel;
using static Sunderfall.Deployment.Tests.Kubernetes.RenderedManifests;

namespace Sunderfall.Deployment.Tests.Kubernetes;

/// <summary>
/// What the rendered manifests (base and production overlay) must hold for Sunderfall to run and drain safely on
/// Kubernetes: probes on the health endpoints, graceful stops, disruption budgets, autoscalers, a sticky Ingress,
/// network policies around the silos' gateways, no secret values, non-root pods with sized resources.
/// </summary>
public sealed partial class ManifestPropertyTests
{
    private const string Silo = "sunderfall-silo";
    private const string Frontend = "sunderfall-frontend";

    public static TheoryData<string> Directories => [RenderedManifests.Base, RenderedManifests.Production];

    [Theory]
    [MemberData(nameof(Directories))]
    public async Task SilosAndFrontends_ProbeTheHealthEndpointsOnAPortTheyServe(string directory)
    {
        var manifests = await OfAsync(directory);

        foreach (var name in new[] { Silo, Frontend })
        {
            var container = MainContainer(manifests.Single("Deployment", name));
            var ports = Items(container, "ports").Select(p => Scalar(p, "name")).ToHashSet();
            foreach (var (probe, path) in new[] { ("readinessProbe", "/health/ready"), ("livenessProbe", "/health/live"), ("startupProbe", "/health/live") })
            {
                Assert.True(Scalar(container, probe, "httpGet", "path") == path, $"{name} in {directory}: {probe} must GET {path}.");
                Assert.Contains(Scalar(container, probe, "httpGet", "port"), ports);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Directories))]
    public async Task SilosAndFrontends_WaitInPreStopAndStopWithinTheirGracePeriod(string directory)
    {
        var manifests = await OfAsync(directory);
        var settings = Map(manifests.Single("ConfigMap", "sunderfall-settings"), "data");
        var shutdownTimeout = int.Parse(settings["DOTNET_shutdownTimeoutSeconds"], CultureInfo.InvariantCulture);

        foreach (var name in new[] { Silo, Frontend })
        {
            var pod = PodSpec(manifests.Single("Deployment", name));
            var preStop = int.Parse(Scalar(MainContainer(manifests.Single("Deployment", name)), "lifecycle", "preStop", "sleep", "seconds")
                ?? throw new Xunit.Sdk.XunitException($"{name} in {directory} has no preStop sleep."), CultureInfo.InvariantCulture);
            var grace = int.Parse(Scalar(pod, "terminationGracePeriodSeconds") ?? "30", CultureInfo.InvariantCulture);
            Assert.True(preStop > 0, $"{name}: preStop must wait.");
            // The silo's graceful stop (grain hand-over) runs inside the host's shutdown timeout; the pod must not be
            // killed before that has run out.
            var needed = preStop + (name == Silo ? shutdownTimeout : 0);
            Assert.True(grace > needed, $"{name} in {directory}: terminationGracePeriodSeconds {grace} must exceed preStop {preStop} s" + (name == Silo ? $" + shutdown timeout {shutdownTimeout} s" : "") + ".");
        }
    }

    [Theory]
    [MemberData(nameof(Directories))]
    public async Task DisruptionBudgets_AllowOneSiloAndOneFrontendDownAtATime(string directory)
    {
        var manifests = await OfAsync(directory);

        foreach (var name in new[] { Silo, Frontend })
        {
            var budget = manifests.Single("PodDisruptionBudget", name);
            Assert.Equal("1", Scalar(budget, "spec", "maxUnavailable"));
            AssertSelects(Map(budget, "spec", "selector", "matchLabels"), manifests.Single("Deployment", name), $"PodDisruptionBudget {name}");
        }
    }

    [Theory]
    [MemberData(nameof(Directories))]
    public async Task Autoscalers_ScaleSilosAndFrontendsOnResourcesTheirPodsRequest(string directory)
    {
        var manifests = await OfAsync(directory);

        foreach (var name in new[] { Silo, Frontend })
        {
            var autoscaler = manifests.Single("HorizontalPodAutoscaler", name);
            Assert.Equal("Deployment", Scalar(autoscaler, "spec", "scaleTargetRef", "kind"));
            Assert.Equal(name, Scalar(autoscaler, "spec", "scaleTargetRef", "name"));
            var min = int.Parse(Scalar(autoscaler, "spec", "minReplicas")!, CultureInfo.InvariantCulture);
            var max = int.Parse(Scalar(autoscaler, "spec", "maxReplicas")!, CultureInfo.InvariantCulture);
            Assert.True(min >= 2 && max > min, $"HorizontalPodAutoscaler {name} in {directory}: min {min} must be at least 2 and below max {max}.");
            // The autoscaler owns the count: a replicas field would be applied over it (e.g. 40 silos back to 3).
            Assert.Null(Node(manifests.Single("Deployment", name), "spec", "replicas"));

            // A utilization target means nothing for a resource the pods do not request.
            var requests = Map(MainContainer(manifests.Single("Deployment", name)), "resources", "requests");
            var metrics = Items(autoscaler, "spec", "metrics").Select(m => Scalar(m, "resource", "name")).ToList();
            Assert.Contains("cpu", metrics);
            Assert.All(metrics, m => Assert.True(m is not null && requests.ContainsKey(m), $"{name} scales on {m}, which its pods do not request."));
        }
    }

    [Theory]
    [MemberData(nameof(Directories))]
    public async Task Ingress_PinsEachClientToOneFrontendWithACookie(string directory)
    {
        var manifests = await OfAsync(directory);
        var ingress = manifests.Single("Ingress", "sunderfall");
        var annotations = Map(ingress, "metadata", "annotations");

        Assert.Equal("nginx", Scalar(ingress, "spec", "ingressClassName"));
        Assert.Equal("cookie", annotations.GetValueOrDefault("nginx.ingress.kubernetes.io/affinity"));
        Assert.Equal("persistent", annotations.GetValueOrDefault("nginx.ingress.kubernetes.io/affinity-mode"));
        Assert.False(string.IsNullOrEmpty(annotations.GetValueOrDefault("nginx.ingress.kubernetes.io/session-cookie-name")));
        // An idle game connection must outlive SignalR's 15 s keep-alive by far.
        Assert.True(int.Parse(annotations["nginx.ingress.kubernetes.io/proxy-read-timeout"], CultureInfo.InvariantCulture) >= 60);

        var service = manifests.Single("Service", Frontend);
        var servicePorts = Items(service, "spec", "ports").Select(p => Scalar(p, "name")).ToHashSet();
        var backends = Items(ingress, "spec", "rules").SelectMany(r => Items(r, "http", "paths")).ToList();
        Assert.NotEmpty(backends);
        Assert.All(backends, b =>
        {
            Assert.Equal(Scalar(service, "metadata", "name"), Scalar(b, "backend", "service", "name"));
            Assert.Contains(Scalar(b, "backend", "service", "port", "name"), servicePorts);
            Assert.Equal("/", Scalar(b, "path"));
        });
        AssertSelects(Map(service, "spec", "selector"), manifests.Single("Deployment", Frontend), $"Service {Frontend}");
    }

    [Fact]
    public async Task ProductionIngress_ServesTlsAndSendsTheAffinityCookieOverHttpsOnly()
    {
        var ingress = (await OfAsync(RenderedManifests.Production)).Single("Ingress", "sunderfall");

        var tls = Assert.Single(Items(ingress, "spec", "tls"));
        Assert.False(string.IsNullOrEmpty(Scalar(tls, "secretName")));
        Assert.Equal("true", Map(ingress, "metadata", "annotations").GetValueOrDefault("nginx.ingress.kubernetes.io/session-cookie-secure"));
        Assert.All(Items(ingress, "spec", "rules"), r => Assert.False(string.IsNullOrEmpty(Scalar(r, "host"))));
    }

    [Theory]
    [MemberData(nameof(Directories))]
    public async Task NetworkPolicies_LetOnlyFrontendsReachTheGatewayAndOnlySilosTheSiloPort(string directory)
    {
        var manifests = await OfAsync(directory);
        var silo = manifests.Single("Deployment", Silo);
        var frontendLabels = PodLabels(manifests.Single("Deployment", Frontend));
        var siloLabels = PodLabels(silo);
        var containerPorts = Items(MainContainer(silo), "ports").ToDictionary(p => Scalar(p, "name")!, p => Scalar(p, "containerPort")!);

        // Everything else is refused: a policy selects every pod and allows nothing.
        Assert.Contains(manifests.OfKind("NetworkPolicy"), p =>
            Node(p, "spec", "podSelector") is YamlMappingNode { Children.Count: 0 } && Items(p, "spec", "ingress").Any() is false
            && Node(p, "spec", "policyTypes") is YamlSequenceNode types && types.Children.OfType<YamlScalarNode>().Any(t => t.Value == "Ingress"));

        var siloPolicies = manifests.OfKind("NetworkPolicy").Where(p => Selects(Map(p, "spec", "podSelector", "matchLabels"), siloLabels) && Map(p, "spec", "podSelector", "matchLabels").Count > 0).ToList();
        Assert.NotEmpty(siloPolicies);
        var rules = siloPolicies.SelectMany(p => Items(p, "spec", "ingress")).ToList();

        AssertOnlyFrom(containerPorts["gateway"], frontendLabels, "the gateway");
        AssertOnlyFrom(containerPorts["silo"], siloLabels, "the silo-to-silo port");

        void AssertOnlyFrom(string port, IReadOnlyDictionary<string, string> allowedPod, string what)
        {
            var opening = rules.Where(r => Items(r, "ports").Any(p => Scalar(p, "port") == port) || !Items(r, "ports").Any()).ToList();
            Assert.True(opening.Count > 0, $"no NetworkPolicy in {directory} opens {what} ({port}) of the silos.");
            foreach (var rule in opening)
            {
                var peers = Items(rule, "from").ToList();
                Assert.True(peers.Count > 0, $"a rule in {directory} opens {what} ({port}) to everyone.");
                Assert.All(peers, peer =>
                {
                    Assert.Null(Node(peer, "namespaceSelector"));
                    Assert.Null(Node(peer, "ipBlock"));
                    var selector = Map(peer, "podSelector", "matchLabels");
                    Assert.True(selector.Count > 0 && Selects(selector, allowedPod), $"{what} ({port}) is opened to pods {string.Join(',', selector)}, not only to {string.Join(',', allowedPod)}.");
                });
            }
        }
    }

    [Theory]
    [MemberData(nameof(Directories))]
    public async Task Manifests_HoldNoSecretValues_AndTakeThemFromTheOperatorsSecret(string directory)
    {
        var manifests = await OfAsync(directory);

        Assert.Empty(manifests.OfKind("Secret"));
        var settings = Map(manifests.Single("ConfigMap", "sunderfall-settings"), "data");
        Assert.DoesNotContain(settings.Keys, k => SecretName().IsMatch(k));
        Assert.DoesNotContain(settings.Values, v => v.Contains("Password=", StringComparison.OrdinalIgnoreCase));

        foreach (var name in new[] { Silo, Frontend })
        {
            var container = MainContainer(manifests.Single("Deployment", name));
            var secretVariables = Items(container, "env").Where(e => SecretName().IsMatch(Scalar(e, "name")!)).ToList();
            Assert.Contains(secretVariables, e => Scalar(e, "name") == "SUNDERFALL_Auth__SigningKey");
            Assert.Contains(secretVariables, e => Scalar(e, "name") == "SUNDERFALL_Storage__ConnectionString");
            Assert.All(secretVariables, e =>
            {
                Assert.True(Scalar(e, "value") is null, $"{name}: {Scalar(e, "name")} has a literal value.");
                Assert.Equal("sunderfall-secrets", Scalar(e, "valueFrom", "secretKeyRef", "name"));
                Assert.NotEqual("true", Scalar(e, "valueFrom", "secretKeyRef", "optional"));
            });
        }
    }

    [Theory]
    [MemberData(nameof(Directories))]
    public async Task SchemaOwnersConnectionString_ReachesOnlyTheMigrationSteps_NeverTheServingContainers(string directory)
    {
        var manifests = await OfAsync(directory);
        var silo = manifests.Single("Deployment", Silo);

        var migrate = Assert.Single(Items(PodSpec(silo), "initContainers"));
        Assert.Equal("/app/Sunderfall.Migrations", Assert.Single(((YamlSequenceNode)Node(migrate, "command")!).Children).ToString());
        var owner = Assert.Single(Items(migrate, "env"));
        Assert.Equal("sunderfall-schema-owner", Scalar(owner, "valueFrom", "secretKeyRef", "name"));
        Assert.Equal(Scalar(MainContainer(silo), "image"), Scalar(migrate, "image"));
        foreach (var name in new[] { Silo, Frontend })
        {
            var container = MainContainer(manifests.Single("Deployment", name));
            Assert.DoesNotContain(Items(container, "env"), e => Scalar(e, "name") == "SUNDERFALL_Storage__MigrationConnectionString");
            Assert.DoesNotContain(Items(container, "env"), e => Scalar(e, "valueFrom", "secretKeyRef", "name") == "sunderfall-schema-owner");
        }
    }

    [Theory]
    [MemberData(nameof(Directories))]
    public async Task SilosAndFrontends_MountTheClusterCertificateThatClusterTlsNames(string directory)
    {
        var manifests = await OfAsync(directory);
        var settings = Map(manifests.Single("ConfigMap", "sunderfall-settings"), "data");

        foreach (var name in new[] { Silo, Frontend })
        {
            var deployment = manifests.Single("Deployment", name);
            var volume = Assert.Single(Items(PodSpec(deployment), "volumes"), v => Scalar(v, "secret", "secretName") == "sunderfall-cluster-tls");
            var mount = Assert.Single(Items(MainContainer(deployment), "volumeMounts"), m => Scalar(m, "name") == Scalar(volume, "name"));
            Assert.Equal("true", Scalar(mount, "readOnly"));
            var folder = Scalar(mount, "mountPath")!;
            foreach (var (setting, file) in new[] { ("CertificatePath", "tls.crt"), ("KeyPath", "tls.key"), ("CaPath", "ca.crt") })
            {
                Assert.Equal($"{folder}/{file}", settings["SUNDERFALL_ClusterTls__" + setting]);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Directories))]
    public async Task Pods_RunAsNonRootWithAReadOnlyRootFileSystemAndSizedResources(string directory)
    {
        var manifests = await OfAsync(directory);

        foreach (var deployment in manifests.OfKind("Deployment"))
        {
            var name = Scalar(deployment, "metadata", "name");
            Assert.Equal("true", Scalar(PodSpec(deployment), "securityContext", "runAsNonRoot"));
            Assert.NotEqual("0", Scalar(PodSpec(deployment), "securityContext", "runAsUser"));
            foreach (var container in Items(PodSpec(deployment), "containers"))
            {
                Assert.True(Scalar(container, "securityContext", "readOnlyRootFilesystem") == "true", $"{name}: the root file system must be read-only.");
                Assert.Equal("false", Scalar(container, "securityContext", "allowPrivilegeEscalation"));
                Assert.Equal("ALL", Assert.Single(((YamlSequenceNode)Node(container, "securityContext", "capabilities", "drop")!).Children).ToString());
                // .NET needs somewhere writable for its diagnostics socket and temporary files.
                Assert.Contains(Items(container, "volumeMounts"), m => Scalar(m, "mountPath") == "/tmp");

                var requests = Map(container, "resources", "requests");
                var limits = Map(container, "resources", "limits");
                foreach (var resource in new[] { "cpu", "memory" })
                {
                    Assert.True(requests.ContainsKey(resource) && limits.ContainsKey(resource), $"{name}: {resource} needs a request and a limit.");
                }

                // Memory is not compressible: a pod using more than it asked for is the first to be killed.
                Assert.Equal(requests["memory"], limits["memory"]);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Directories))]
    public async Task Silos_GiveOrleansKubernetesHostingThePodAndTheSameClusterAsTheFrontends(string directory)
    {
        var manifests = await OfAsync(directory);
        var silo = manifests.Single("Deployment", Silo);
        var labels = PodLabels(silo);
        var settings = Map(manifests.Single("ConfigMap", "sunderfall-settings"), "data");
        var env = Items(MainContainer(silo), "env").ToDictionary(e => Scalar(e, "name")!);

        Assert.Equal("true", Scalar(env["SUNDERFALL_Cluster__Kubernetes"], "value"));
        Assert.Equal("metadata.name", Scalar(env["POD_NAME"], "valueFrom", "fieldRef", "fieldPath"));
        Assert.Equal("metadata.namespace", Scalar(env["POD_NAMESPACE"], "valueFrom", "fieldRef", "fieldPath"));
        Assert.Equal("status.podIP", Scalar(env["POD_IP"], "valueFrom", "fieldRef", "fieldPath"));
        Assert.Equal("metadata.labels['orleans/serviceId']", Scalar(env["ORLEANS_SERVICE_ID"], "valueFrom", "fieldRef", "fieldPath"));
        Assert.Equal("metadata.labels['orleans/clusterId']", Scalar(env["ORLEANS_CLUSTER_ID"], "valueFrom", "fieldRef", "fieldPath"));
        Assert.Equal(settings["SUNDERFALL_Cluster__ServiceId"], labels["orleans/serviceId"]);
        Assert.Equal(settings["SUNDERFALL_Cluster__ClusterId"], labels["orleans/clusterId"]);

        // The frontends must not carry both labels: Orleans would take them for silos it does not know.
        var frontendLabels = PodLabels(manifests.Single("Deployment", Frontend));
        Assert.False(frontendLabels.ContainsKey("orleans/serviceId") && frontendLabels.ContainsKey("orleans/clusterId"));

        // The silo's service account may read, watch and label pods (what the hosting package does), and no more.
        var binding = Assert.Single(manifests.OfKind("RoleBinding"), b => Items(b, "subjects").Any(s => Scalar(s, "name") == Scalar(PodSpec(silo), "serviceAccountName")));
        var role = manifests.Single("Role", Scalar(binding, "roleRef", "name")!);
        // A ServiceAccount subject without a namespace is refused by the API server.
        Assert.All(Items(binding, "subjects"), s => Assert.Equal(Scalar(silo, "metadata", "namespace") ?? "(none)", Scalar(s, "namespace")));
        var verbs = Items(role, "rules").SelectMany(r => ((YamlSequenceNode)Node(r, "verbs")!).Children.Select(v => v.ToString())).ToHashSet();
        Assert.Equal(new HashSet<string> { "get", "list", "watch", "patch" }, verbs);
    }

    private static YamlNode? PodSpec(YamlNode deployment) => Node(deployment, "spec", "template", "spec");

    private static YamlMappingNode MainContainer(YamlNode deployment) => Assert.Single(Items(PodSpec(deployment), "containers"));

    private static IReadOnlyDictionary<string, string> PodLabels(YamlNode deployment) => Map(deployment, "spec", "template", "metadata", "labels");

    private static bool Selects(IReadOnlyDictionary<string, string> selector, IReadOnlyDictionary<string, string> labels) =>
        selector.All(s => labels.TryGetValue(s.Key, out var v) && v == s.Value);

    private static void AssertSelects(IReadOnlyDictionary<string, string> selector, YamlNode deployment, string what)
    {
        Assert.True(selector.Count > 0 && Selects(selector, PodLabels(deployment)), $"{what} does not select the pods of {Scalar(deployment, "metadata", "name")}.");
    }

    [GeneratedRegex("ConnectionString|SigningKey|Password|Secret|Redis$", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();
}
