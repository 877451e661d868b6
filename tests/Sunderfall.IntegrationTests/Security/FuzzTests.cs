using System.Net;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Sunderfall.IntegrationTests.Infrastructure;
using Sunderfall.Protocol;
using Xunit;

namespace Sunderfall.IntegrationTests.Security;

/// <summary>
/// Throws at least 10,000 random and malformed hub invocations (wrong types, huge strings, NaN, unknown methods,
/// other players' ids, floods) at a frontend, then checks that the cluster is healthy and that no other player's
/// saved or live state changed.
/// </summary>
[Collection(SharedClusterDefinition.Name)]
public sealed class FuzzTests(SharedClusterFixture fixture)
{
    private const int Invocations = 10_000;

    private static readonly string[] Methods =
    [
        HubNames.CreateCharacter, HubNames.EnterWorld, HubNames.Move, HubNames.LeaveWorld, HubNames.ListCharacters,
        HubNames.GetCharacterSheet, HubNames.EquipItem, HubNames.UnequipItem, HubNames.UseItem, HubNames.DiscardItem,
        HubNames.CreateParty, HubNames.InviteToParty, HubNames.AcceptPartyInvite, HubNames.DeclinePartyInvite, HubNames.LeaveParty,
        HubNames.KickFromParty, HubNames.PromotePartyLeader, HubNames.DisbandParty, HubNames.GetParty, HubNames.SendChat,
        "OnConnectedAsync", "OnDisconnectedAsync", "Dispose", "AccountId", "", "Admin", new string('M', 300), "move", "ENTERWORLD",
    ];

    private GameCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task TenThousandMalformedInvocations_LeaveTheServerHealthyAndOtherPlayersUntouched()
    {
        // A frontend of its own with the hub's rate limits out of the way, so the invocations reach the hub's
        // validation rather than stopping at the limiter (which SecurityTests covers).
        var target = Cluster.StartFrontend("fuzz-frontend", Cluster.ClusterId, new Dictionary<string, string>
        {
            ["SUNDERFALL_HubRateLimit__ConnectionBurst"] = "10000",
            ["SUNDERFALL_HubRateLimit__ConnectionPerSecond"] = "10000",
            ["SUNDERFALL_HubRateLimit__AccountBurst"] = "10000",
            ["SUNDERFALL_HubRateLimit__AccountPerSecond"] = "10000",
        });
        await target.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));

        await using var bystander = await Cluster.ConnectAsync();
        var (victim, _) = await bystander.CreateAndEnterAsync("Victim");
        Assert.True(await GameClient.EventuallyAsync(() => bystander.Self() is not null, TimeSpan.FromSeconds(15)));
        var victimBefore = (await Cluster.ReadCharacterRowAsync(victim.Name))!.Value.GetRawText();
        var positionBefore = bystander.Self()!.Value;

        var random = new Random(20261125);
        var attacker = await Cluster.RegisterAsync();
        var sent = 0;
        var connections = 0;
        while (sent < Invocations)
        {
            var json = random.Next(4) == 0;
            var builder = new HubConnectionBuilder()
                .WithUrl(target.HttpUrl + HubNames.Path, o => o.AccessTokenProvider = () => Task.FromResult<string?>(attacker.AccessToken));
            builder = json ? builder.AddJsonProtocol() : builder.AddMessagePackProtocol();
            await using var connection = builder.Build();
            await connection.StartAsync();
            connections++;
            while (sent < Invocations && connection.State == HubConnectionState.Connected)
            {
                var method = Methods[random.Next(Methods.Length)];
                var args = RandomArguments(random, json, victim.Id);
                sent++;
                try
                {
                    if (random.Next(10) == 0)
                    {
                        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                        await connection.InvokeCoreAsync<object?>(method, args, timeout.Token);
                    }
                    else
                    {
                        await connection.SendCoreAsync(method, args);
                    }
                }
                catch (Exception ex) when (ex is HubException or InvalidOperationException or OperationCanceledException or IOException or System.Text.Json.JsonException or MessagePack.MessagePackSerializationException or ArgumentException or NotSupportedException)
                {
                    // Refused or cut off, as intended: the server answers bad calls with errors or closes the connection.
                }
            }
        }

        // The cluster is healthy: every process ready, and an ordinary player can still play.
        using var http = new HttpClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(target.HttpUrl + "/health/ready")).StatusCode);
        // The cluster's silos; other tests add deliberately broken ones that exit at start.
        foreach (var (silo, _) in Cluster.Silos.Where(s => !s.Process.HasExited))
        {
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(silo.HttpUrl + "/health/ready")).StatusCode);
        }

        Assert.False(target.HasExited);
        await using var ordinary = await Cluster.ConnectAsync();
        var (fresh, _) = await ordinary.CreateAndEnterAsync("After");
        Assert.False(string.IsNullOrEmpty(fresh.Id));

        // The victim's saved character and live position are exactly as before; its connection was never touched.
        Assert.Equal(victimBefore, (await Cluster.ReadCharacterRowAsync(victim.Name))!.Value.GetRawText());
        Assert.Equal(HubConnectionState.Connected, bystander.Connection.State);
        Assert.Equal((positionBefore.X, positionBefore.Y), (bystander.Self()!.Value.X, bystander.Self()!.Value.Y));
        Assert.Null(bystander.ApplyFailure);
        Assert.True(sent >= Invocations);
        Assert.True(connections >= 1);
    }

    private static object?[] RandomArguments(Random random, bool json, string victimId)
    {
        var count = random.Next(0, 5);
        var args = new object?[count];
        for (var i = 0; i < count; i++)
        {
            args[i] = random.Next(16) switch
            {
                0 => null,
                1 => "",
                2 => new string((char)random.Next(32, 0xD7FF), random.Next(1, 40_000)),
                3 => victimId,
                4 => Guid.NewGuid().ToString(),
                5 => json ? 1e308 : float.NaN,
                6 => json ? -1e308 : float.PositiveInfinity,
                7 => random.NextDouble() * 2e9 - 1e9,
                8 => (long)random.Next() * random.Next(),
                9 => long.MinValue,
                10 => true,
                11 => new[] { 1, 2, 3 },
                12 => new Dictionary<string, object?> { ["x"] = 1, ["nested"] = new Dictionary<string, object?> { ["y"] = "z" } },
                13 => "warrior",
                14 => "Name" + random.Next(1000),
                _ => "\u0000\uFFFF\u202E<script>",
            };
        }

        return args;
    }
}
