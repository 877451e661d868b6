using Npgsql;
using Sunderfall.IntegrationTests.Infrastructure;
using Xunit;

namespace Sunderfall.IntegrationTests.Security;

/// <summary>
/// Outside Development a silo or frontend refuses to start on a trusted-network set-up: Orleans connections without
/// a cluster certificate, the schema owner's connection string on a silo, or Redis without its password. Each exits
/// with one line naming the setting, and never prints a password.
/// </summary>
[Collection(SharedClusterDefinition.Name)]
public sealed class ClusterTrustStartupTests(SharedClusterFixture fixture)
{
    private GameCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task SiloAndFrontend_OutsideDevelopmentWithoutAClusterCertificate_ExitNamingTheSetting()
    {
        var noCertificate = new Dictionary<string, string> { ["SUNDERFALL_ClusterTls__CertificatePath"] = "" };
        var silo = Cluster.StartSilo(80, overrides: noCertificate);
        var frontend = Cluster.StartFrontend("no-certificate-frontend", Cluster.ClusterId, noCertificate);

        foreach (var process in new[] { silo, frontend })
        {
            var line = await ExitLineAsync(process);
            Assert.Contains("ClusterTls:CertificatePath is not set", line, StringComparison.Ordinal);
            Assert.Contains("SUNDERFALL_ClusterTls__CertificatePath", line, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task SiloAndFrontend_OutsideDevelopmentWithClusterTlsTurnedOff_ExitNamingTheSetting()
    {
        var off = new Dictionary<string, string> { ["SUNDERFALL_ClusterTls__Enabled"] = "false" };
        var silo = Cluster.StartSilo(81, overrides: off);
        var frontend = Cluster.StartFrontend("tls-off-frontend", Cluster.ClusterId, off);

        foreach (var process in new[] { silo, frontend })
        {
            Assert.Contains("ClusterTls:Enabled=false is allowed only in Development", await ExitLineAsync(process), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Silo_GivenTheSchemaOwnersMigrationConnectionString_ExitsNamingIt()
    {
        var silo = Cluster.StartSilo(82, overrides: new Dictionary<string, string>
        {
            ["SUNDERFALL_Storage__MigrationConnectionString"] = TestEnvironment.PostgresConnectionString,
        });

        var line = await ExitLineAsync(silo);

        Assert.Contains("Storage:MigrationConnectionString is set", line, StringComparison.Ordinal);
        Assert.Contains("separate step", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Silo_RunningAsTheSchemaOwner_ExitsSayingItMustUseTheApplicationRole()
    {
        var owner = new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresConnectionString).Username;
        var silo = Cluster.StartSilo(83, storage: TestEnvironment.PostgresConnectionString);

        var line = await ExitLineAsync(silo);

        Assert.Contains($"Storage:ConnectionString logs in as role {owner}, which owns the schema", line, StringComparison.Ordinal);
        Assert.Contains("sunderfall_app", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Silo_GivenRedisWithoutItsPassword_ExitsNamingClusterRedisWithoutPrintingThePassword()
    {
        var withPassword = StackExchange.Redis.ConfigurationOptions.Parse(TestEnvironment.Redis);
        Assert.False(string.IsNullOrEmpty(withPassword.Password), "./test.sh's Redis requires a password: SUNDERFALL_TEST_REDIS must carry password=");
        var endpoint = TestEnvironment.Redis.Split(',')[0];
        var wrong = $"{endpoint},password=not-the-password-{Guid.NewGuid():N}";

        var without = Cluster.StartSilo(84, redis: endpoint);
        var wrongOne = Cluster.StartSilo(85, redis: wrong);

        foreach (var silo in new[] { without, wrongOne })
        {
            var line = await ExitLineAsync(silo);
            Assert.Contains("cannot reach Redis", line, StringComparison.Ordinal);
            Assert.Contains("(Cluster:Redis)", line, StringComparison.Ordinal);
            Assert.DoesNotContain("not-the-password", line, StringComparison.Ordinal);
            Assert.DoesNotContain(withPassword.Password!, line, StringComparison.Ordinal);
        }
    }

    private static async Task<string> ExitLineAsync(ServerProcess process)
    {
        Assert.True(await process.WaitForExitAsync(TimeSpan.FromSeconds(60)), $"{process.Name} kept running:\n{process.Tail()}");
        Assert.Equal(2, process.ExitCode);
        var output = process.Tail().Trim();
        Assert.Single(output.Split('\n'));
        return output;
    }
}
