using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Orleans.Configuration;
using StackExchange.Redis;
using System.Net.Http.Json;
using Sunderfall.Protocol;
using Sunderfall.Protocol.Auth;
using Sunderfall.ServiceDefaults.Security;

namespace Sunderfall.IntegrationTests.Infrastructure;

/// <summary>
/// A real Sunderfall cluster on this machine: silos and a frontend started as processes from their built dlls,
/// on the PostgreSQL and Redis that ./test.sh started, with a cluster id and service id of their own.
/// </summary>
public sealed class GameCluster : IAsyncDisposable
{
    private readonly List<ServerProcess> processes = [];
    private IHost? orleansClientHost;

    private GameCluster(string name)
    {
        Name = name;
        var suffix = Guid.NewGuid().ToString("N")[..8];
        ClusterId = $"it-{name}-{suffix}";
        ServiceId = $"it-{name}-{suffix}";
    }

    public string Name { get; }

    public string ClusterId { get; }

    public string ServiceId { get; }

    public List<(ServerProcess Process, int SiloPort)> Silos { get; } = [];

    public ServerProcess Frontend { get; private set; } = null!;

    public string HubUrl => Frontend.HttpUrl + HubNames.Path;

    /// <summary>Starts <paramref name="siloCount"/> silos and one frontend (settings overridden as given) and waits until all are ready.</summary>
    public static async Task<GameCluster> StartAsync(
        string name, int siloCount, IReadOnlyDictionary<string, string>? siloOverrides = null, IReadOnlyDictionary<string, string>? frontendOverrides = null)
    {
        var cluster = new GameCluster(name);
        try
        {
            for (var i = 1; i <= siloCount; i++)
            {
                cluster.StartSilo(i, overrides: siloOverrides);
            }

            foreach (var (silo, _) in cluster.Silos)
            {
                await silo.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
            }

            cluster.Frontend = cluster.StartFrontend("frontend", cluster.ClusterId, frontendOverrides);
            await cluster.Frontend.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// A silo's settings: the application role only (./test.sh applied the migrations as the owner, as a separate
    /// step), and a cluster certificate of its own.
    /// </summary>
    public Dictionary<string, string> SiloEnvironment(int siloPort, int gatewayPort, string? storage = null, string? redis = null) => new(TestEnvironment.ClusterCa.Environment($"{ClusterId}-silo-{siloPort}"))
    {
        ["SUNDERFALL_Storage__ConnectionString"] = storage ?? TestEnvironment.AppConnectionString,
        ["SUNDERFALL_Auth__SigningKey"] = TestEnvironment.SigningKey,
        ["SUNDERFALL_Cluster__Redis"] = redis ?? TestEnvironment.Redis,
        ["SUNDERFALL_Cluster__ClusterId"] = ClusterId,
        ["SUNDERFALL_Cluster__ServiceId"] = ServiceId,
        ["SUNDERFALL_Silo__SiloPort"] = siloPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["SUNDERFALL_Silo__GatewayPort"] = gatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        // Fast walkers, so a test reaches the portal 400 units away in seconds.
        ["SUNDERFALL_World__PlayerSpeed"] = PlayerSpeed.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>Walking speed the test clusters run with, units per second.</summary>
    public const float PlayerSpeed = 50f;

    /// <summary>Starts a silo process (not waiting for it) and tracks it for disposal.</summary>
    public ServerProcess StartSilo(
        int index, string? storage = null, string? redis = null, string? contentDirectory = null, IReadOnlyDictionary<string, string>? overrides = null)
    {
        var siloPort = FreePort.Next();
        var environment = SiloEnvironment(siloPort, FreePort.Next(), storage, redis);
        if (contentDirectory is not null)
        {
            environment["SUNDERFALL_Content__Directory"] = contentDirectory;
        }

        foreach (var (key, value) in overrides ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        var silo = ServerProcess.Start($"{ClusterId}-silo{index}", "Sunderfall.Silo", FreePort.Next(), environment);
        processes.Add(silo);
        Silos.Add((silo, siloPort));
        return silo;
    }

    /// <summary>Starts a frontend process for the given cluster id (not waiting for it).</summary>
    public ServerProcess StartFrontend(string name, string clusterId, IReadOnlyDictionary<string, string>? overrides = null, string? url = null)
    {
        var environment = new Dictionary<string, string>(TestEnvironment.ClusterCa.Environment($"{clusterId}-{name}"))
        {
            ["SUNDERFALL_Cluster__Redis"] = TestEnvironment.Redis,
            ["SUNDERFALL_Cluster__ClusterId"] = clusterId,
            ["SUNDERFALL_Cluster__ServiceId"] = ServiceId,
            ["SUNDERFALL_Frontend__SubscriptionRenewInterval"] = "00:00:02",
            // Every test registers accounts from 127.0.0.1: the address limits are raised; SecurityTests lower them.
            ["SUNDERFALL_HttpRateLimit__AuthPerMinute"] = "100000",
            ["SUNDERFALL_HttpRateLimit__GlobalPer10Seconds"] = "100000",
            ["SUNDERFALL_Storage__ConnectionString"] = TestEnvironment.AppConnectionString,
            ["SUNDERFALL_Auth__SigningKey"] = TestEnvironment.SigningKey,
            ["SUNDERFALL_Auth__BootstrapAdmins__0"] = BootstrapAdmin,
            ["SUNDERFALL_Mfa__SecretEncryptionKey"] = TestEnvironment.MfaKey,
        };
        // The SMTP server started before any test frontend; waiting here keeps StartFrontend synchronous.
        foreach (var (key, value) in TestEnvironment.SmtpSettingsAsync().GetAwaiter().GetResult())
        {
            environment[key] = value;
        }

        foreach (var (key, value) in overrides ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        var frontend = ServerProcess.Start($"{ClusterId}-{name}", "Sunderfall.Frontend", url ?? $"http://127.0.0.1:{FreePort.Next()}", environment);
        processes.Add(frontend);
        return frontend;
    }

    /// <summary>The password every test account gets (it satisfies the password rule).</summary>
    public const string TestPassword = "correct-horse-42";

    /// <summary>Registers a new account through the frontend's HTTP API and returns its tokens.</summary>
    public async Task<AuthResponse> RegisterAsync(string? username = null)
    {
        using var http = new HttpClient();
        var name = username ?? GameClient.UniqueName("acct");
        using var response = await http.PostAsJsonAsync(Frontend.HttpUrl + "/api/auth/register",
            new RegisterRequest { Username = name, Email = $"{name}@example.test", Password = TestPassword });
        var body = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode
            ? System.Text.Json.JsonSerializer.Deserialize<AuthResponse>(body, Json)!
            : throw new InvalidOperationException($"register {name} failed: {(int)response.StatusCode} {body}");
    }

    /// <summary>The username that becomes an admin on registering (Auth:BootstrapAdmins in the test frontends).</summary>
    public const string BootstrapAdmin = "testadmin";

    private Task<AuthResponse>? admin;

    /// <summary>
    /// The bootstrap admin account, registered on first use, or signed in when another cluster of the same test run
    /// registered it already (clusters share the test database, and every test frontend names the same admin).
    /// </summary>
    public Task<AuthResponse> AdminAsync() => admin ??= RegisterOrSignInAsync(BootstrapAdmin);

    private async Task<AuthResponse> RegisterOrSignInAsync(string username)
    {
        try
        {
            return await RegisterAsync(username);
        }
        catch (InvalidOperationException taken) when (taken.Message.Contains("UsernameTaken", StringComparison.Ordinal))
        {
            return await LoginAsync(username);
        }
    }

    /// <summary>Signs an existing account in again and returns its new tokens.</summary>
    public async Task<AuthResponse> LoginAsync(string username)
    {
        using var http = new HttpClient();
        using var response = await http.PostAsJsonAsync(Frontend.HttpUrl + "/api/auth/login", new LoginRequest { Username = username, Password = TestPassword });
        var body = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode
            ? System.Text.Json.JsonSerializer.Deserialize<AuthResponse>(body, Json)!
            : throw new InvalidOperationException($"login {username} failed: {(int)response.StatusCode} {body}");
    }

    /// <summary>The audit actions recorded for an actor, read with SQL.</summary>
    public static async Task<List<string>> AuditActionsAsync(string accountId)
    {
        await using var db = await OpenDatabaseAsync();
        await using var command = new NpgsqlCommand("SELECT action FROM audit_log WHERE actor_id = @actor ORDER BY id", db);
        command.Parameters.AddWithValue("actor", Guid.Parse(accountId));
        var actions = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            actions.Add(reader.GetString(0));
        }

        return actions;
    }

    /// <summary>JSON as the frontend writes it (camelCase, case-insensitive reading).</summary>
    public static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web);

    /// <summary>A game client of a new account (or the given one), using "messagepack" or "json".</summary>
    public async Task<GameClient> ConnectAsync(string protocol = "messagepack", AuthResponse? account = null)
    {
        account ??= await RegisterAsync();
        var token = account.AccessToken;
        var builder = new HubConnectionBuilder().WithUrl(HubUrl, o => o.AccessTokenProvider = () => Task.FromResult<string?>(token));
        builder = protocol == "json" ? builder.AddJsonProtocol() : builder.AddMessagePackProtocol(o => o.SerializerOptions = Sunderfall.Client.WireMessagePack.Options);
        var client = new GameClient(builder.Build());
        await client.StartAsync();
        return client;
    }

    /// <summary>A connection to the test database.</summary>
    public static async Task<NpgsqlConnection> OpenDatabaseAsync()
    {
        var connection = new NpgsqlConnection(TestEnvironment.PostgresConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>The stored JSON of a character, read with SQL straight from grain_state.</summary>
    public async Task<System.Text.Json.JsonElement?> ReadCharacterRowAsync(string name)
    {
        await using var db = await OpenDatabaseAsync();
        await using var command = new NpgsqlCommand(
            "SELECT payload::text FROM grain_state WHERE service_id = @service AND grain_type LIKE '%player%' AND payload->>'Name' = @name", db);
        command.Parameters.AddWithValue("service", ServiceId);
        command.Parameters.AddWithValue("name", name);
        var json = (string?)await command.ExecuteScalarAsync();
        return json is null ? null : System.Text.Json.JsonDocument.Parse(json).RootElement.Clone();
    }

    /// <summary>Activates a zone instance on the silo with the given port (a placement hint), for cross-silo tests.</summary>
    public async Task ActivateZoneOnSiloAsync(string zoneId, int siloPort)
    {
        var client = await OrleansClientAsync();
        var hosts = await client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        var target = hosts.Keys.Single(s => s.Endpoint.Port == siloPort);
        RequestContext.Set(Orleans.Runtime.Placement.IPlacementDirector.PlacementHintKey, target);
        try
        {
            await client.GetGrain<Sunderfall.Grains.Interfaces.Zones.IZoneGrain>(zoneId).GetStatusAsync();
        }
        finally
        {
            RequestContext.Remove(Orleans.Runtime.Placement.IPlacementDirector.PlacementHintKey);
        }
    }

    /// <summary>A zone instance's counters, asked of the zone grain directly.</summary>
    public async Task<Sunderfall.Grains.Interfaces.Zones.ZoneStatus> ZoneStatusAsync(string zoneId)
    {
        var client = await OrleansClientAsync();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            try
            {
                return await client.GetGrain<Sunderfall.Grains.Interfaces.Zones.IZoneGrain>(zoneId).GetStatusAsync();
            }
            catch (OrleansException) when (DateTime.UtcNow < deadline)
            {
                // This client may still route to a silo that was just killed, until membership declares it dead.
                await Task.Delay(500);
            }
        }
    }

    /// <summary>
    /// Has the cluster drop a player grain's activation, as idle collection or the loss of its silo would; the next call
    /// activates it again from storage.
    /// </summary>
    public async Task DeactivatePlayerAsync(Guid playerId)
    {
        var client = await OrleansClientAsync();
        await client.GetGrain<Sunderfall.Grains.Interfaces.Players.IPlayerGrain>(playerId).Cast<Orleans.Core.Internal.IGrainManagementExtension>().DeactivateOnIdle();
    }

    /// <summary>The silo port of the silo where the grain is active, asked of the cluster's management grain.</summary>
    public async Task<int?> FindSiloPortOfAsync(GrainId grain)
    {
        var client = await OrleansClientAsync();
        var management = client.GetGrain<IManagementGrain>(0);
        var stats = await management.GetDetailedGrainStatistics();
        var hit = stats.FirstOrDefault(s => s.GrainId == grain);
        return hit?.SiloAddress.Endpoint.Port;
    }

    /// <summary>
    /// Silo ports of the members that Redis's membership table ({ServiceId}/members/{ClusterId}, one JSON entry per
    /// silo address) lists as Active, read straight from Redis.
    /// </summary>
    public async Task<List<int>> ActiveSiloPortsInRedisAsync()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(TestEnvironment.Redis);
        var entries = await redis.GetDatabase().HashGetAllAsync($"{ServiceId}/members/{ClusterId}");
        var ports = new List<int>();
        foreach (var entry in entries.Where(e => e.Name.ToString().StartsWith('S')))
        {
            using var json = System.Text.Json.JsonDocument.Parse(entry.Value.ToString());
            if (json.RootElement.GetProperty("Status").GetInt32() == (int)SiloStatus.Active)
            {
                // The field is the silo address: S<ip>:<silo port>:<generation>.
                ports.Add(int.Parse(entry.Name.ToString().Split(':')[1], System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return [.. ports.Order()];
    }

    /// <summary>Activations of grain classes whose type name ends with <paramref name="grainClass"/>, over every silo.</summary>
    public async Task<int> ActivationsOfAsync(string grainClass)
    {
        var client = await OrleansClientAsync();
        var stats = await client.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        return stats.Where(s => s.GrainType.EndsWith(grainClass, StringComparison.Ordinal)).Sum(s => s.ActivationCount);
    }

    private async Task<IClusterClient> OrleansClientAsync()
    {
        if (orleansClientHost is null)
        {
            var host = Host.CreateDefaultBuilder()
                .UseOrleansClient(client =>
                {
                    client.Configure<ClusterOptions>(o =>
                    {
                        o.ClusterId = ClusterId;
                        o.ServiceId = ServiceId;
                    });
                    client.UseRedisClustering(o => o.ConfigurationOptions = ConfigurationOptions.Parse(TestEnvironment.Redis));
                    client.UseClusterTls(TestEnvironment.ClusterCa.Credentials($"{ClusterId}-test-client"));
                })
                .Build();
            await host.StartAsync();
            orleansClientHost = host;
        }

        return orleansClientHost.Services.GetRequiredService<IClusterClient>();
    }

    public async ValueTask DisposeAsync()
    {
        if (orleansClientHost is not null)
        {
            try
            {
                await orleansClientHost.StopAsync(TimeSpan.FromSeconds(5));
            }
            catch (Exception ex) when (ex is OperationCanceledException or OrleansException)
            {
                // The cluster may already be gone.
            }

            orleansClientHost.Dispose();
        }

        foreach (var process in processes)
        {
            process.Dispose();
        }
    }

    /// <summary>
    /// Kills the frontend (SIGKILL: its clients' connections drop without a goodbye), waits <paramref name="downtime"/>,
    /// then starts a new frontend process of the same cluster on the same URL with <paramref name="overrides"/> and waits
    /// until it is ready.
    /// </summary>
    public async Task RestartFrontendAsync(IReadOnlyDictionary<string, string>? overrides = null, TimeSpan downtime = default)
    {
        var url = Frontend.HttpUrl;
        Frontend.Kill();
        if (downtime > TimeSpan.Zero)
        {
            await Task.Delay(downtime);
        }

        Frontend = StartFrontend("frontend-" + Guid.NewGuid().ToString("N")[..6], ClusterId, overrides, url);
        await Frontend.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
    }
}
