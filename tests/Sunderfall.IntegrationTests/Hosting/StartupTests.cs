using System.Diagnostics;
using System.Net;
using Sunderfall.IntegrationTests.Infrastructure;
using Xunit;

namespace Sunderfall.IntegrationTests.Hosting;

[Collection(SharedClusterDefinition.Name)]
public sealed class StartupTests(SharedClusterFixture fixture)
{
    private GameCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task ReadyEndpoints_ReportMembershipStorageAndClusterConnection()
    {
        using var http = new HttpClient();

        var silo = await http.GetStringAsync(Cluster.Silos[0].Process.HttpUrl + "/health/ready");
        var frontend = await http.GetStringAsync(Cluster.Frontend.HttpUrl + "/health/ready");

        Assert.Contains("\"membership\":{\"status\":\"Healthy\"", silo, StringComparison.Ordinal);
        Assert.Contains("2 active silo(s)", silo, StringComparison.Ordinal);
        Assert.Contains("\"storage\":{\"status\":\"Healthy\"", silo, StringComparison.Ordinal);
        Assert.Contains("\"cluster\":{\"status\":\"Healthy\"", frontend, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_IsServedUnderDashboard_ToAdminsOnly()
    {
        var admin = await Cluster.AdminAsync();
        var player = await Cluster.RegisterAsync();
        using var http = new HttpClient();
        var url = Cluster.Silos[1].Process.HttpUrl + "/dashboard/";

        using var anonymous = await http.GetAsync(url);
        using var asPlayer = await http.GetAsync(url + "?access_token=" + player.AccessToken);
        using var asAdmin = await http.GetAsync(url + "?access_token=" + admin.AccessToken);
        var body = await asAdmin.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, asPlayer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, asAdmin.StatusCode);
        Assert.Contains("<html", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Frontend_WithNoSiloInItsCluster_ListensAndAnswersNotReady()
    {
        var lonely = Cluster.StartFrontend("lonely-frontend", "no-such-cluster-" + Guid.NewGuid().ToString("N")[..8]);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        HttpResponseMessage? response = null;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (response is null && DateTime.UtcNow < deadline)
        {
            try
            {
                response = await http.GetAsync(lonely.HttpUrl + "/health/ready");
            }
            catch (HttpRequestException)
            {
                await Task.Delay(200);
            }
        }

        Assert.NotNull(response);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("no silo reachable", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        lonely.Kill();
    }

    [Fact]
    public async Task Frontend_WithUpdateAndBatchSettingsOutOfRange_ExitsNamingBoth()
    {
        var frontend = Cluster.StartFrontend("misconfigured-frontend", "no-such-cluster-" + Guid.NewGuid().ToString("N")[..8], new Dictionary<string, string>
        {
            ["SUNDERFALL_Frontend__WorldUpdateEveryTicks"] = "0",
            ["SUNDERFALL_Frontend__InputBatchInterval"] = "00:00:01",
        });

        Assert.True(await frontend.WaitForExitAsync(TimeSpan.FromSeconds(60)), "the frontend kept running with WorldUpdateEveryTicks 0");
        Assert.NotEqual(0, frontend.ExitCode);
        var output = frontend.Tail();
        Assert.Contains("Frontend:WorldUpdateEveryTicks must be 1 (every tick) to 20", output, StringComparison.Ordinal);
        Assert.Contains("Frontend:InputBatchInterval must be from 00:00:00 to 00:00:00.2", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Frontend_WithASessionRecheckIntervalOutOfRange_ExitsNamingIt()
    {
        var frontend = Cluster.StartFrontend("recheck-misconfigured", "no-such-cluster-" + Guid.NewGuid().ToString("N")[..8], new Dictionary<string, string>
        {
            ["SUNDERFALL_SessionRecheck__Interval"] = "00:00:00.100",
        });

        Assert.True(await frontend.WaitForExitAsync(TimeSpan.FromSeconds(60)), "the frontend kept running re-checking sessions ten times a second");
        Assert.NotEqual(0, frontend.ExitCode);
        Assert.Contains("SessionRecheck:Interval must be from 00:00:01 to 01:00:00", frontend.Tail(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Frontend_OutsideDevelopmentWithoutAnSmtpServer_ExitsNamingEmailHost()
    {
        var frontend = Cluster.StartFrontend("mail-less-frontend", "no-such-cluster-" + Guid.NewGuid().ToString("N")[..8], new Dictionary<string, string>
        {
            ["SUNDERFALL_Email__Host"] = "",
        });

        Assert.True(await frontend.WaitForExitAsync(TimeSpan.FromSeconds(60)), "the frontend ran with recovery codes going to its log");
        Assert.NotEqual(0, frontend.ExitCode);
        Assert.Contains("Email:Host is not set (SUNDERFALL_Email__Host)", frontend.Tail(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SiloAndFrontend_OutsideDevelopmentWithThePublishedComposeKey_ExitNamingTheSetting()
    {
        const string published = "compose-development-signing-key-change-me-0123456789";
        var silo = Cluster.StartSilo(93, overrides: new Dictionary<string, string> { ["SUNDERFALL_Auth__SigningKey"] = published });
        var frontend = Cluster.StartFrontend("published-key-frontend", "no-such-cluster-" + Guid.NewGuid().ToString("N")[..8], new Dictionary<string, string>
        {
            ["SUNDERFALL_Auth__SigningKey"] = published,
        });

        foreach (var process in new[] { silo, frontend })
        {
            Assert.True(await process.WaitForExitAsync(TimeSpan.FromSeconds(60)), $"{process.Name} ran with a signing key from the repository");
            Assert.NotEqual(0, process.ExitCode);
            Assert.Contains("Auth:SigningKey is a development key published in the Sunderfall repository", process.Tail(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Silo_WithUnreachablePostgres_ExitsWithOneLineNamingTheSettingAndAddress()
    {
        var port = FreePort.Next();
        var silo = Cluster.StartSilo(90, storage: $"Host=127.0.0.1;Port={port};Database=nothing;Username=nobody;Timeout=3");

        await AssertExitsWithOneLineAsync(silo, "Storage:ConnectionString", $"127.0.0.1:{port}");
    }

    [Fact]
    public async Task Silo_WithUnreachableRedis_ExitsWithOneLineNamingTheSettingAndAddress()
    {
        var port = FreePort.Next();
        var silo = Cluster.StartSilo(91, redis: $"127.0.0.1:{port}");

        await AssertExitsWithOneLineAsync(silo, "Cluster:Redis", $"127.0.0.1:{port}");
    }

    [Fact]
    public async Task Silo_WithInvalidContent_ExitsNamingTheFileTheEntryAndTheField()
    {
        var broken = Directory.CreateTempSubdirectory("sunderfall-content-").FullName;
        CopyDirectory(Path.Combine(TestEnvironment.RepoRoot, "content"), broken);
        var zoneFile = Path.Combine(broken, "zones", "ashen-vale.json");
        File.WriteAllText(zoneFile, File.ReadAllText(zoneFile).Replace("\"targetZone\": \"mirefen\"", "\"targetZone\": \"nowhere\"", StringComparison.Ordinal));

        var silo = Cluster.StartSilo(92, contentDirectory: broken);

        Assert.True(await silo.WaitForExitAsync(TimeSpan.FromSeconds(60)), "the silo started with invalid content");
        Assert.Equal(2, silo.ExitCode);
        var output = silo.Tail();
        Assert.Contains("zones/ashen-vale.json", output, StringComparison.Ordinal);
        Assert.Contains("to-mirefen", output, StringComparison.Ordinal);
        Assert.Contains("targetZone", output, StringComparison.Ordinal);
        Assert.Contains("'nowhere'", output, StringComparison.Ordinal);
        Directory.Delete(broken, recursive: true);
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static async Task AssertExitsWithOneLineAsync(ServerProcess silo, string setting, string address)
    {
        Assert.True(await silo.WaitForExitAsync(TimeSpan.FromSeconds(60)), $"the silo kept running though {setting} points nowhere");
        Assert.Equal(2, silo.ExitCode);
        var output = silo.Tail().Trim();
        Assert.Single(output.Split('\n'));
        Assert.Contains(setting, output, StringComparison.Ordinal);
        Assert.Contains(address, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrations_AppliedAgain_AreANoOp()
    {
        var info = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { TestEnvironment.ProgramPath("Sunderfall.Migrations"), TestEnvironment.PostgresConnectionString },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(0, process.ExitCode);
        Assert.Contains("database is up to date", output, StringComparison.Ordinal);
        await using var db = await GameCluster.OpenDatabaseAsync();
        await using var count = new Npgsql.NpgsqlCommand("SELECT count(*) FROM orleansquery", db);
        Assert.Equal(4L, await count.ExecuteScalarAsync());
    }
}
