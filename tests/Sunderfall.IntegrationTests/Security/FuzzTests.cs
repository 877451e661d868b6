using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Sunderfall.IntegrationTests.Infrastructure;
using Sunderfall.Protocol;
using Sunderfall.Protocol.Characters;
using Sunderfall.Protocol.Errors;
using Xunit;
using Xunit.Abstractions;
using ErrorCode = Sunderfall.Protocol.Errors.ErrorCode;

namespace Sunderfall.IntegrationTests.Security;

/// <summary>
/// Throws at least 10,000 random and malformed hub invocations (wrong types, huge strings, NaN, unknown methods,
/// other players' ids, names and netIds, floods) at a frontend from an attacker whose own character is in the world,
/// next to four bystanders (three standing, one walking), then checks that the cluster is healthy and that no
/// bystander's saved or live state changed other than by its own inputs.
/// </summary>
[Collection(SharedClusterDefinition.Name)]
public sealed class FuzzTests(SharedClusterFixture fixture, ITestOutputHelper output)
{
    private const int Invocations = 10_000;

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    private static readonly string[] Methods =
    [
        HubNames.CreateCharacter, HubNames.EnterWorld, HubNames.Move, HubNames.LeaveWorld, HubNames.ListCharacters, HubNames.UseAbility,
        HubNames.GetCharacterSheet, HubNames.EquipItem, HubNames.UnequipItem, HubNames.UseItem, HubNames.DiscardItem,
        HubNames.CreateParty, HubNames.InviteToParty, HubNames.AcceptPartyInvite, HubNames.DeclinePartyInvite, HubNames.LeaveParty,
        HubNames.KickFromParty, HubNames.PromotePartyLeader, HubNames.DisbandParty, HubNames.GetParty, HubNames.SendChat,
        "OnConnectedAsync", "OnDisconnectedAsync", "Dispose", "AccountId", "", "Admin", new string('M', 300), "move", "ENTERWORLD",
        "Teleport", "SetPosition", "$refused",
    ];

    private GameCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task TenThousandMalformedInvocations_FromAPlayerInTheWorld_LeaveTheServerHealthyAndEveryOtherPlayerUntouched()
    {
        // A frontend of its own with the hub's rate limits out of the way, so the invocations reach the hub's and the
        // zone's validation rather than stopping at the limiter (which SecurityTests covers).
        var target = Cluster.StartFrontend("fuzz-frontend", Cluster.ClusterId, new Dictionary<string, string>
        {
            ["SUNDERFALL_HubRateLimit__ConnectionBurst"] = "10000",
            ["SUNDERFALL_HubRateLimit__ConnectionPerSecond"] = "10000",
            ["SUNDERFALL_HubRateLimit__AccountBurst"] = "10000",
            ["SUNDERFALL_HubRateLimit__AccountPerSecond"] = "10000",
        });
        await target.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));

        // The bystanders, at the spawn of the zone the attacker plays in: three stand, one walks back and forth.
        var standing = new List<(GameClient Client, CharacterInfo Character)>();
        foreach (var characterClass in new[] { "warrior", "cleric", "mage" })
        {
            var client = await Cluster.ConnectAsync();
            standing.Add((client, (await client.CreateAndEnterAsync("Still", characterClass)).Character));
        }

        await using var walker = await Cluster.ConnectAsync();
        var (walking, _) = await walker.CreateAndEnterAsync("Walk", "ranger");
        var bystanders = standing.Append((Client: walker, Character: walking)).ToList();
        try
        {
            Assert.True(await GameClient.EventuallyAsync(() => bystanders.All(b => b.Client.Self() is not null), Wait), "a bystander never appeared");
            // The zone's first checkpoint of each bystander adds its vitals to the saved character; the rows are
            // compared from then on.
            foreach (var (_, character) in bystanders)
            {
                Assert.True(await GameClient.EventuallyAsync(() => HasSavedVitals(character.Name), Wait), $"{character.Name}'s vitals were never saved");
            }

            var rowsBefore = new List<string>();
            foreach (var (_, character) in standing)
            {
                rowsBefore.Add((await Cluster.ReadCharacterRowAsync(character.Name))!.Value.GetRawText());
            }

            var positionsBefore = standing.Select(b => (b.Client.Self()!.Value.X, b.Client.Self()!.Value.Y)).ToList();
            var walkerBefore = WithoutPosition((await Cluster.ReadCharacterRowAsync(walking.Name))!.Value);
            using var stopWalking = new CancellationTokenSource();
            var walk = WalkBackAndForthAsync(walker, stopWalking.Token);

            var attacker = await Cluster.RegisterAsync();
            string own;
            await using (var creator = await Cluster.ConnectAsync(account: attacker))
            {
                own = (await creator.CreateCharacterAsync(GameClient.UniqueName("Fuzz"), "warrior")).Value!.Id;
            }

            var targets = new Targets(
                own,
                [.. bystanders.Select(b => b.Character.Id)],
                [.. bystanders.Select(b => b.Character.Name)],
                [.. bystanders.Select(b => b.Client.Zone!.SelfNetId)]);
            var (sent, connections, errors) = await FuzzAsync(target, attacker.AccessToken, targets);
            await stopWalking.CancelAsync();
            await walk;
            await walker.MoveAsync(0f, 0f);

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

            // The attacker really played: the zone refused its inputs and abilities, rather than the hub saying NotInWorld.
            var zoneRefusals = errors.Count(IsZoneRefusal);
            output.WriteLine($"{sent} invocations over {connections} connections; errors by code: " +
                string.Join(", ", errors.GroupBy(e => e.Code).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}")) + $"; {zoneRefusals} from the zone");
            Assert.True(zoneRefusals >= 100, $"only {zoneRefusals} refusals came from the zone ({errors.Count(e => e.Code == ErrorCode.NotInWorld)} NotInWorld)");
            Assert.True(sent >= Invocations);
            Assert.True(connections >= 1);

            // The standing bystanders' saved characters and live positions are exactly as before.
            for (var i = 0; i < standing.Count; i++)
            {
                var (client, character) = standing[i];
                Assert.Equal(rowsBefore[i], (await Cluster.ReadCharacterRowAsync(character.Name))!.Value.GetRawText());
                Assert.Equal(positionsBefore[i], (client.Self()!.Value.X, client.Self()!.Value.Y));
            }

            // The walker went only where its own inputs took it: each one applied, along its own line, nothing else saved.
            Assert.True(await GameClient.EventuallyAsync(() => walker.LastAck == walker.LastInputSequence, Wait),
                $"the walker's inputs were not all applied: ack {walker.LastAck} of {walker.LastInputSequence}");
            var stopped = await walker.WaitUntilStillAsync(Wait);
            Assert.Equal(500f, stopped.Y);
            Assert.InRange(stopped.X, 400f, 600f);
            Assert.True(await GameClient.EventuallyAsync(() => WalkerRowMatches(walking.Name, walkerBefore), Wait), "the walker's saved character changed");

            foreach (var (client, character) in bystanders)
            {
                Assert.Equal(HubConnectionState.Connected, client.Connection.State);
                Assert.Null(client.ApplyFailure);
                Assert.Empty(client.Errors);
                Assert.Equal(client.Self()!.Value.MaxHealth, client.Self()!.Value.Health);
            }
        }
        finally
        {
            foreach (var (client, _) in standing)
            {
                await client.DisposeAsync();
            }
        }
    }

    /// <summary>The character ids, names and netIds the attacker aims at, and its own character.</summary>
    private sealed record Targets(string Own, string[] Ids, string[] Names, int[] NetIds);

    /// <summary>
    /// Sends the invocations from the attacker's account, entering its own character on every connection and again
    /// every 25 calls (random calls include LeaveWorld); reconnects whenever the server closes the connection.
    /// </summary>
    private static async Task<(int Sent, int Connections, List<ServerError> Errors)> FuzzAsync(ServerProcess target, string accessToken, Targets targets)
    {
        var random = new Random(20261125);
        var errors = new ConcurrentQueue<ServerError>();
        var sent = 0;
        var connections = 0;
        while (sent < Invocations)
        {
            var json = random.Next(4) == 0;
            var builder = new HubConnectionBuilder()
                .WithUrl(target.HttpUrl + HubNames.Path, o => o.AccessTokenProvider = () => Task.FromResult<string?>(accessToken));
            builder = json ? builder.AddJsonProtocol() : builder.AddMessagePackProtocol(o => o.SerializerOptions = Sunderfall.Client.WireMessagePack.Options);
            await using var connection = builder.Build();
            connection.On<ServerError>(HubNames.ErrorEvent, errors.Enqueue);
            await connection.StartAsync();
            connections++;
            await TryAsync(() => connection.InvokeAsync<CallResult<object>>(HubNames.EnterWorld, targets.Own));
            while (sent < Invocations && connection.State == HubConnectionState.Connected)
            {
                if (sent % 25 == 0)
                {
                    await TryAsync(() => connection.SendAsync(HubNames.EnterWorld, targets.Own));
                }

                var method = Methods[random.Next(Methods.Length)];
                // Half the calls are well formed with hostile values, so they pass binding and reach the game's checks.
                var args = random.Next(2) == 0 ? TypedArguments(random, method, targets) ?? RandomArguments(random, json, targets) : RandomArguments(random, json, targets);
                sent++;
                if (random.Next(10) == 0)
                {
                    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                    await TryAsync(() => connection.InvokeCoreAsync<object?>(method, args, timeout.Token));
                }
                else
                {
                    await TryAsync(() => connection.SendCoreAsync(method, args));
                }
            }
        }

        return (sent, connections, [.. errors]);
    }

    private static async Task TryAsync(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (Exception ex) when (ex is HubException or InvalidOperationException or OperationCanceledException or IOException or JsonException or MessagePack.MessagePackSerializationException or ArgumentException or NotSupportedException)
        {
            // Refused or cut off, as intended: the server answers bad calls with errors or closes the connection.
        }
    }

    /// <summary>Arguments of the right types for the method, with hostile values; null for methods without arguments.</summary>
    private static object?[]? TypedArguments(Random random, string method, Targets targets)
    {
        long Sequence() => Pick<long>(random, [random.Next(), -1L, 0L, long.MaxValue, long.MinValue]);
        float Direction() => Pick<float>(random, [float.NaN, float.PositiveInfinity, 3f, 4f, -1e30f, (float)((random.NextDouble() * 4) - 2)]);
        int Slot() => Pick<int>(random, [-1, 0, 5, 23, 24, 1000, 1001, int.MaxValue, int.MinValue]);
        string Text() => Pick(random, ["", " ", "\u0000\uFFFF\u202E<script>", new string('x', 300), "'; DROP TABLE grain_state; --", "hello"]);
        string Name() => random.Next(2) == 0 ? Pick(random, targets.Names) : Text();
        string Id() => Pick(random, [.. targets.Ids, targets.Own, Guid.NewGuid().ToString(), "not-a-guid", ""]);
        return method switch
        {
            HubNames.Move => [Sequence(), Direction(), Direction()],
            HubNames.UseAbility => [Sequence(), Pick(random, ["strike", "cleave", "heal", "fireball", "bite", "", new string('a', 40)]),
                random.Next(2) == 0 ? Pick(random, targets.NetIds) : Pick(random, [0, -1, random.Next(64), int.MaxValue])],
            HubNames.EnterWorld => [Id()],
            HubNames.CreateCharacter => [Name(), Pick(random, ["warrior", "necromancer", "", "MAGE"])],
            HubNames.EquipItem or HubNames.UseItem => [Slot()],
            HubNames.DiscardItem => [Slot(), Pick(random, [-1, 0, 1, 10_000, 10_001, int.MaxValue])],
            HubNames.UnequipItem => [Pick(random, ["weapon", "ring", "WEAPON", "tail", ""])],
            HubNames.InviteToParty or HubNames.KickFromParty or HubNames.PromotePartyLeader => [Name()],
            HubNames.AcceptPartyInvite or HubNames.DeclinePartyInvite => [Id()],
            HubNames.SendChat => [Pick(random, ["zone", "party", "whisper", "system", "WHISPER", "admin"]), Text(), Name()],
            _ => null,
        };
    }

    private static object?[] RandomArguments(Random random, bool json, Targets targets)
    {
        var count = random.Next(0, 5);
        var args = new object?[count];
        for (var i = 0; i < count; i++)
        {
            args[i] = random.Next(18) switch
            {
                0 => null,
                1 => "",
                // Mostly under the hub's 32 KB message limit; now and then over it, which closes the connection.
                2 => new string((char)random.Next(32, 0xD7FF), random.Next(10) == 0 ? 40_000 : random.Next(1, 8_000)),
                3 => Pick(random, targets.Ids),
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
                15 => Pick(random, targets.Names),
                16 => Pick(random, targets.NetIds),
                _ => "\u0000\uFFFF\u202E<script>",
            };
        }

        return args;
    }

    private static T Pick<T>(Random random, T[] choices) => choices[random.Next(choices.Length)];

    /// <summary>Errors the zone gave the attacker's inputs and abilities: proof it was in the world, not stopped at NotInWorld.</summary>
    private static bool IsZoneRefusal(ServerError error) =>
        error.Code is ErrorCode.InvalidTarget or ErrorCode.OutOfRange or ErrorCode.OnCooldown or ErrorCode.NotEnoughResource or ErrorCode.Dead
        || (error.Code == ErrorCode.InvalidArgument && (error.Message.Contains("finite", StringComparison.Ordinal)
            || error.Message.Contains("has length", StringComparison.Ordinal) || error.Message.Contains("is negative", StringComparison.Ordinal)
            || error.Message.Contains("cannot use", StringComparison.Ordinal)));

    /// <summary>Walks right and left in turns, 0.4 s each, until cancelled.</summary>
    private static async Task WalkBackAndForthAsync(GameClient walker, CancellationToken stop)
    {
        for (var right = true; !stop.IsCancellationRequested; right = !right)
        {
            await walker.MoveAsync(right ? 1f : -1f, 0f);
            try
            {
                await Task.Delay(400, stop);
            }
            catch (OperationCanceledException)
            {
                // Done walking.
            }
        }
    }

    /// <summary>A saved character without its position, which walking changes.</summary>
    private static string WithoutPosition(JsonElement row)
    {
        var node = JsonNode.Parse(row.GetRawText())!.AsObject();
        node.Remove("X");
        node.Remove("Y");
        return node.ToJsonString();
    }

    private bool HasSavedVitals(string name) =>
        Cluster.ReadCharacterRowAsync(name).GetAwaiter().GetResult() is { } row && row.TryGetProperty("Vitals", out _);

    private bool WalkerRowMatches(string name, string before) =>
        Cluster.ReadCharacterRowAsync(name).GetAwaiter().GetResult() is { } row && WithoutPosition(row) == before;
}
