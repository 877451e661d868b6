using System.Security.Cryptography;
using Xunit;

namespace Sunderfall.Cluster.Tests;

/// <summary>
/// docker/docker-compose.yml run for real under podman-compose, on the images of scripts/build-images.sh: up, a player
/// signs up and walks, down. In the cluster's collection so the two never share the cores at once.
/// </summary>
[Collection(LocalClusterDefinition.Name)]
public sealed class ComposeTests
{
    private const string Project = "sf-compose";
    private const int FrontendPort = 58180;

    [Fact]
    public async Task ComposeFile_UpUnderPodmanCompose_ServesAPlayerWhoWalks_AndComesDownClean()
    {
        await Shell.RunCheckedAsync(Path.Combine(Shell.RepositoryRoot, "scripts", "build-images.sh"), [], TimeSpan.FromMinutes(20));
        // The cluster CA and the silos' and frontend's certificates, keys readable by the images' user, as the
        // compose file's header says to make them.
        var tls = Directory.CreateTempSubdirectory("sf-compose-tls-").FullName;
        await Shell.RunCheckedAsync(Path.Combine(Shell.RepositoryRoot, "scripts", "cluster-certs.sh"), [tls, "silo1", "silo2", "frontend"],
            TimeSpan.FromMinutes(1), new Dictionary<string, string> { ["CLUSTER_CERT_OWNER"] = "1654" });
        var environment = new Dictionary<string, string>
        {
            ["CLUSTER_TLS_DIR"] = tls,
            // Fresh secrets for this run: the compose file has none of its own.
            ["POSTGRES_PASSWORD"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)),
            ["APP_DB_PASSWORD"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)),
            ["REDIS_PASSWORD"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)),
            ["AUTH_SIGNING_KEY"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)),
            ["MFA_SECRET_KEY"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            // No mail server runs beside compose here: the frontend needs one named to start, and this run plays
            // without recovering an account (recovery by e-mail is tested against a real SMTP server elsewhere).
            ["SMTP_HOST"] = "mail.invalid",
            ["SMTP_FROM"] = "no-reply@sunderfall.invalid",
            ["SMTP_USERNAME"] = "sunderfall",
            ["SMTP_PASSWORD"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)),
            ["SUNDERFALL_SILO_IMAGE"] = "localhost/sunderfall-silo:dev",
            ["SUNDERFALL_FRONTEND_IMAGE"] = "localhost/sunderfall-frontend:dev",
            ["POSTGRES_IMAGE"] = "localhost/sunderfall-postgres:dev",
            ["REDIS_IMAGE"] = "localhost/sunderfall-redis:dev",
            ["FRONTEND_PORT"] = FrontendPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SILO1_HTTP_PORT"] = "58181",
            ["SILO2_HTTP_PORT"] = "58182",
        };
        await ComposeAsync(environment, "down", "-v");
        try
        {
            await ComposeAsync(environment, "up", "-d", "--no-build");
            var url = new Uri($"http://127.0.0.1:{FrontendPort}/");
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            var ready = await Shell.EventuallyAsync(
                async () =>
                {
                    try
                    {
                        return (await http.GetAsync(new Uri(url, "health/ready"))).IsSuccessStatusCode;
                    }
                    catch (HttpRequestException)
                    {
                        return false;
                    }
                    catch (TaskCanceledException)
                    {
                        return false;
                    }
                },
                TimeSpan.FromMinutes(4));
            Assert.True(ready, "the compose frontend never became ready: " + (await Shell.RunAsync("podman", ["ps", "-a", "--filter", "label=io.podman.compose.project=" + Project], TimeSpan.FromSeconds(30))).Output);

            await using var player = await ClusterPlayer.PlayingAsync(url, "Comp");
            Assert.True(await Shell.EventuallyAsync(() => Task.FromResult(player.Client.World.Self is not null), TimeSpan.FromSeconds(30)), "the player never saw itself");
            var start = player.Client.World.Self!.Value.Y;
            var sequence = await player.Client.MoveAsync(0f, 1f);
            Assert.True(sequence > 0, "the move was not sent");
            Assert.True(
                await Shell.EventuallyAsync(() => Task.FromResult(player.Client.World.Self is { } self && self.Y > start + 5f), TimeSpan.FromSeconds(30)),
                $"the player never walked north from y={start} (now {player.Client.World.Self})");
            await player.Client.MoveAsync(0f, 0f);
        }
        finally
        {
            await ComposeAsync(environment, "down", "-v");
            // podman-compose 1.0.3 leaves the project's network behind.
            await Shell.RunAsync("podman", ["network", "rm", Project + "_sunderfall"], TimeSpan.FromSeconds(30));
        }

        var left = await Shell.RunCheckedAsync("podman", ["ps", "-aq", "--filter", "label=io.podman.compose.project=" + Project], TimeSpan.FromSeconds(30));
        Assert.True(left.Trim().Length == 0, "containers left after down: " + left);
    }

    private static Task<string> ComposeAsync(Dictionary<string, string> environment, params string[] command) =>
        Shell.RunCheckedAsync("podman-compose", ["-p", Project, "-f", "docker/docker-compose.yml", .. command], TimeSpan.FromMinutes(5), environment);
}
