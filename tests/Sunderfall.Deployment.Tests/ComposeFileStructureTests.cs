using System.Globalization;
using Xunit;

namespace Sunderfall.Deployment.Tests;

/// <summary>The shape of the compose deployment that the services rely on when they start together.</summary>
public sealed class ComposeFileStructureTests
{
    private const string SiloDockerfile = "docker/Dockerfile.silo";
    private const string FrontendDockerfile = "docker/Dockerfile.frontend";

    // One docker-compose run serves every test in the class.
    private static readonly Lazy<Task<ComposeModel>> Model = new(ComposeModel.LoadAsync);

    [Fact]
    public async Task ComposeFile_WhenParsed_DeclaresTwoSilosWithDistinctEndpoints()
    {
        var silos = Silos(await Model.Value);

        Assert.Equal(2, silos.Count);
        var endpoints = silos.Select(s => (
            Address: s.EnvironmentValue("SUNDERFALL_Silo__AdvertisedAddress"),
            SiloPort: int.Parse(s.EnvironmentValue("SUNDERFALL_Silo__SiloPort"), CultureInfo.InvariantCulture),
            GatewayPort: int.Parse(s.EnvironmentValue("SUNDERFALL_Silo__GatewayPort"), CultureInfo.InvariantCulture))).ToList();
        Assert.Equal(2, endpoints.Select(e => (e.Address, e.SiloPort)).Distinct().Count());
        Assert.Equal(2, endpoints.Select(e => (e.Address, e.GatewayPort)).Distinct().Count());
    }

    [Fact]
    public async Task ComposeFile_WhenParsed_AdvertisesEachSiloAtItsOwnServiceName()
    {
        // A silo resolves its AdvertisedAddress at start; on the compose network a service's name resolves to that
        // service's container, so each silo advertises its own address (podman-compose cannot give fixed ones).
        foreach (var silo in Silos(await Model.Value))
        {
            Assert.Equal(silo.Name, silo.EnvironmentValue("SUNDERFALL_Silo__AdvertisedAddress"));
            Assert.NotEmpty(silo.Networks);
        }
    }

    [Fact]
    public async Task ComposeFile_WhenParsed_GivesEveryServiceAHealthcheck()
    {
        var model = await Model.Value;

        foreach (var service in model.Services)
        {
            var healthcheck = service.Healthcheck;
            Assert.True(healthcheck is not null, $"{service} has no healthcheck: nothing can wait for it to be ready.");
            Assert.NotEqual("true", ComposeService.Scalar(healthcheck, "disable"));
            var test = ComposeService.Child(healthcheck, "test");
            Assert.True(test is not null, $"{service}'s healthcheck has no test.");
            Assert.DoesNotContain("NONE", test.ToString(), StringComparison.Ordinal);
        }

        foreach (var service in Silos(model).Concat(model.BuiltFrom(FrontendDockerfile)))
        {
            Assert.Contains("/health/ready", ComposeService.Child(service.Healthcheck!, "test")!.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ComposeFile_WhenParsed_StartsSilosOnlyOncePostgresAndRedisAreHealthy()
    {
        var model = await Model.Value;
        var postgres = model.RunningImage("postgres");
        var redis = model.RunningImage("redis");

        var migrate = Migrations(model);
        Assert.Equal("service_healthy", migrate.DependsOn.GetValueOrDefault(postgres.Name));
        foreach (var silo in Silos(model))
        {
            Assert.Equal("service_healthy", silo.DependsOn.GetValueOrDefault(postgres.Name));
            Assert.Equal("service_healthy", silo.DependsOn.GetValueOrDefault(redis.Name));
            Assert.Equal("service_completed_successfully", silo.DependsOn.GetValueOrDefault(migrate.Name));
        }
    }

    [Fact]
    public async Task ComposeFile_WhenParsed_PointsSilosAtThePostgresAndRedisServices()
    {
        var model = await Model.Value;
        var postgres = model.RunningImage("postgres");
        var redis = model.RunningImage("redis");

        // Migrations run once, as the schema owner (POSTGRES_USER), in their own step.
        var migration = ParseConnectionString(Migrations(model).Command!);
        Assert.Equal(postgres.Name, migration["host"]);
        Assert.Equal(postgres.EnvironmentValue("POSTGRES_DB"), migration["database"]);
        Assert.Equal(postgres.EnvironmentValue("POSTGRES_USER"), migration["username"]);
        Assert.Equal(postgres.EnvironmentValue("POSTGRES_PASSWORD"), migration["password"]);
        foreach (var member in Silos(model).Concat(model.BuiltFrom(FrontendDockerfile)))
        {
            // Silos and the frontend run as sunderfall_app, whom the postgres container's init script creates with
            // APP_DB_PASSWORD, and never hold the owner's password.
            Assert.False(member.Environment.ContainsKey("SUNDERFALL_Storage__MigrationConnectionString"), $"{member} holds the schema owner's connection string");
            var connection = ParseConnectionString(member.EnvironmentValue("SUNDERFALL_Storage__ConnectionString"));
            Assert.Equal(postgres.Name, connection["host"]);
            Assert.Equal(postgres.EnvironmentValue("POSTGRES_DB"), connection["database"]);
            Assert.Equal("sunderfall_app", connection["username"]);
            Assert.Equal(postgres.EnvironmentValue("APP_DB_PASSWORD"), connection["password"]);
            // Redis requires its password; members send it.
            var redisSettings = member.EnvironmentValue("SUNDERFALL_Cluster__Redis").Split(',');
            Assert.Equal(redis.Name, redisSettings[0].Split(':')[0]);
            Assert.Contains("password=" + DockerCompose.Secrets["REDIS_PASSWORD"], redisSettings);
        }

        foreach (var silo in Silos(model))
        {
            Assert.Equal("false", silo.EnvironmentValue("SUNDERFALL_Storage__ApplyMigrations"));
        }

        Assert.Contains("--requirepass " + DockerCompose.Secrets["REDIS_PASSWORD"], redis.Command, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComposeFile_WhenParsed_GivesEachMemberItsOwnClusterCertificateAndTheCaButNeverTheCaKey()
    {
        var model = await Model.Value;
        var folder = DockerCompose.Secrets["CLUSTER_TLS_DIR"];
        var members = Silos(model).Concat(model.BuiltFrom(FrontendDockerfile)).ToList();
        var certificates = new List<string>();

        foreach (var member in members)
        {
            var mounts = member.Volumes.ToDictionary(v => v.Target, v => v);
            foreach (var setting in new[] { "CertificatePath", "KeyPath", "CaPath" })
            {
                var path = member.EnvironmentValue("SUNDERFALL_ClusterTls__" + setting);
                Assert.True(mounts.TryGetValue(path, out var mount), $"{member}: ClusterTls:{setting} {path} is not mounted");
                Assert.True(mount.ReadOnly, $"{member}: {path} is mounted writable");
                Assert.StartsWith(folder + "/", mount.Source, StringComparison.Ordinal);
            }

            Assert.Equal(folder + "/ca.crt", mounts[member.EnvironmentValue("SUNDERFALL_ClusterTls__CaPath")].Source);
            Assert.DoesNotContain(member.Volumes, v => v.Source.EndsWith("ca.key", StringComparison.Ordinal));
            certificates.Add(mounts[member.EnvironmentValue("SUNDERFALL_ClusterTls__CertificatePath")].Source);
        }

        Assert.Equal(members.Count, certificates.Distinct().Count());
    }

    [Fact]
    public async Task ComposeFile_WhenParsed_PutsSilosAndFrontendInOneCluster()
    {
        var model = await Model.Value;
        var members = Silos(model).Concat(model.BuiltFrom(FrontendDockerfile)).ToList();

        Assert.Equal(3, members.Count);
        foreach (var key in new[] { "SUNDERFALL_Cluster__ClusterId", "SUNDERFALL_Cluster__ServiceId", "SUNDERFALL_Cluster__Redis" })
        {
            var values = members.Select(m => m.EnvironmentValue(key)).Distinct().ToList();
            Assert.True(values.Count == 1, $"{key} differs between {string.Join(", ", members)}: {string.Join(", ", values)}");
        }
    }

    [Fact]
    public async Task ComposeFile_WhenParsed_PublishesTheFrontendPortAfterTheSilosAreHealthy()
    {
        var model = await Model.Value;
        var frontend = Assert.Single(model.BuiltFrom(FrontendDockerfile));

        // The container port published must be the one Kestrel listens on.
        var listenPort = new Uri(frontend.EnvironmentValue("ASPNETCORE_URLS").Replace("+", "localhost", StringComparison.Ordinal)).Port;
        Assert.Contains(frontend.Ports, p => p.Published is not null && p.Target == listenPort);
        // Plain HTTP: on the host's loopback unless the operator says otherwise (a TLS proxy goes in front).
        Assert.All(model.Services.SelectMany(s => s.Ports.Select(p => (Service: s, Port: p))), sp =>
            Assert.True(sp.Port.HostIp == "127.0.0.1", $"{sp.Service} publishes {sp.Port.Published} on {sp.Port.HostIp ?? "every interface"}"));
        foreach (var silo in Silos(model))
        {
            Assert.Equal("service_healthy", frontend.DependsOn.GetValueOrDefault(silo.Name));
        }
    }

    [Fact]
    public async Task ComposeFile_WhenParsed_BuildsFromDockerfilesThatExist()
    {
        // docker-compose config checks that a build context exists but not the Dockerfile inside it.
        var model = await Model.Value;

        var built = model.Services.Where(s => s.Dockerfile is not null).ToList();
        Assert.NotEmpty(built);
        foreach (var service in built)
        {
            Assert.Equal(RepositoryRoot.Path, Path.GetFullPath(service.BuildContext!).TrimEnd(Path.DirectorySeparatorChar));
            var dockerfile = Path.Combine(service.BuildContext!, service.Dockerfile!);
            Assert.True(File.Exists(dockerfile), $"{service} builds from {dockerfile}, which does not exist.");
        }
    }

    /// <summary>The silos: built from the silo's Dockerfile and running it (not the migration step's entrypoint).</summary>
    private static List<ComposeService> Silos(ComposeModel model) =>
        model.BuiltFrom(SiloDockerfile).Where(s => s.Entrypoint is null).ToList();

    /// <summary>The one-off migration step: the silo image with the migrations command as its entrypoint.</summary>
    private static ComposeService Migrations(ComposeModel model) =>
        Assert.Single(model.BuiltFrom(SiloDockerfile), s => s.Entrypoint is { } e && e.Contains("Sunderfall.Migrations", StringComparison.Ordinal));

    private static Dictionary<string, string> ParseConnectionString(string connectionString) =>
        connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Split('=', 2))
            .ToDictionary(kv => kv[0].Trim().ToLowerInvariant(), kv => kv[1].Trim());
}
