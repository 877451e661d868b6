using System.Globalization;
using System.Net;
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
        var silos = (await Model.Value).BuiltFrom(SiloDockerfile);

        Assert.Equal(2, silos.Count);
        var endpoints = silos.Select(s => (
            Address: IPAddress.Parse(s.EnvironmentValue("SUNDERFALL_Silo__AdvertisedAddress")),
            SiloPort: int.Parse(s.EnvironmentValue("SUNDERFALL_Silo__SiloPort"), CultureInfo.InvariantCulture),
            GatewayPort: int.Parse(s.EnvironmentValue("SUNDERFALL_Silo__GatewayPort"), CultureInfo.InvariantCulture))).ToList();
        Assert.Equal(2, endpoints.Select(e => (e.Address, e.SiloPort)).Distinct().Count());
        Assert.Equal(2, endpoints.Select(e => (e.Address, e.GatewayPort)).Distinct().Count());
    }

    [Fact]
    public async Task ComposeFile_WhenParsed_AdvertisesEachSiloAtItsFixedNetworkAddress()
    {
        var model = await Model.Value;

        foreach (var silo in model.BuiltFrom(SiloDockerfile))
        {
            var advertised = IPAddress.Parse(silo.EnvironmentValue("SUNDERFALL_Silo__AdvertisedAddress"));
            var (network, fixedAddress) = Assert.Single(silo.Networks, n => n.Value is not null);
            Assert.True(
                advertised.Equals(IPAddress.Parse(fixedAddress!)),
                $"{silo} advertises {advertised} but its address on network {network} is {fixedAddress}: other silos and the frontend could not reach it.");

            // A fixed address must lie in the subnet and outside the range Docker hands out, or another container can take it first.
            var ranges = model.Subnets(network);
            Assert.Contains(ranges, r => IPNetwork.Parse(r.Subnet).Contains(advertised));
            Assert.DoesNotContain(ranges, r => r.IpRange is { } dynamic && IPNetwork.Parse(dynamic).Contains(advertised));
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

        foreach (var service in model.BuiltFrom(SiloDockerfile).Concat(model.BuiltFrom(FrontendDockerfile)))
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

        foreach (var silo in model.BuiltFrom(SiloDockerfile))
        {
            Assert.Equal("service_healthy", silo.DependsOn.GetValueOrDefault(postgres.Name));
            Assert.Equal("service_healthy", silo.DependsOn.GetValueOrDefault(redis.Name));
        }
    }

    [Fact]
    public async Task ComposeFile_WhenParsed_PointsSilosAtThePostgresAndRedisServices()
    {
        var model = await Model.Value;
        var postgres = model.RunningImage("postgres");
        var redis = model.RunningImage("redis");

        foreach (var silo in model.BuiltFrom(SiloDockerfile))
        {
            // Migrations run as the schema owner (POSTGRES_USER); the silo runs as sunderfall_app, whom the
            // postgres container's init script creates with APP_DB_PASSWORD.
            var migration = ParseConnectionString(silo.EnvironmentValue("SUNDERFALL_Storage__MigrationConnectionString"));
            Assert.Equal(postgres.Name, migration["host"]);
            Assert.Equal(postgres.EnvironmentValue("POSTGRES_DB"), migration["database"]);
            Assert.Equal(postgres.EnvironmentValue("POSTGRES_USER"), migration["username"]);
            Assert.Equal(postgres.EnvironmentValue("POSTGRES_PASSWORD"), migration["password"]);
            var connection = ParseConnectionString(silo.EnvironmentValue("SUNDERFALL_Storage__ConnectionString"));
            Assert.Equal(postgres.Name, connection["host"]);
            Assert.Equal(postgres.EnvironmentValue("POSTGRES_DB"), connection["database"]);
            Assert.Equal("sunderfall_app", connection["username"]);
            Assert.Equal(postgres.EnvironmentValue("APP_DB_PASSWORD"), connection["password"]);
            Assert.Equal(redis.Name, silo.EnvironmentValue("SUNDERFALL_Cluster__Redis").Split(':')[0]);
        }
    }

    [Fact]
    public async Task ComposeFile_WhenParsed_PutsSilosAndFrontendInOneCluster()
    {
        var model = await Model.Value;
        var members = model.BuiltFrom(SiloDockerfile).Concat(model.BuiltFrom(FrontendDockerfile)).ToList();

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
        foreach (var silo in model.BuiltFrom(SiloDockerfile))
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

    private static Dictionary<string, string> ParseConnectionString(string connectionString) =>
        connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Split('=', 2))
            .ToDictionary(kv => kv[0].Trim().ToLowerInvariant(), kv => kv[1].Trim());
}
