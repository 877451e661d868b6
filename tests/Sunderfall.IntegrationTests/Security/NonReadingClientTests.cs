using System.Globalization;
using Sunderfall.IntegrationTests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Sunderfall.IntegrationTests.Security;

/// <summary>
/// A client that connects, enters a busy zone and then never reads its socket (security issue 18, item 4): the frontend
/// holds a bounded amount for it (its queue of events never passes the cap) and drops it, while the players around it
/// play on. The frontend here has tighter bounds than the defaults, so the test does not wait minutes for the
/// buffers between it and the client to fill.
/// </summary>
public sealed class NonReadingClientTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int MaxQueuedBytes = 128 * 1024;
    private const int Bots = 6;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    // Long enough for the socket buffers in front of a client that reads nothing to fill at the bots' pace, then the
    // stall bound; it bounds the test, it measures nothing.
    private static readonly TimeSpan DropWait = TimeSpan.FromMinutes(2);

    private GameCluster cluster = null!;

    public async Task InitializeAsync()
    {
        var silo = ProvingGrounds.SiloSettings(ProvingGrounds.CreateContentDirectory());
        // Busier than players are allowed to be, for traffic: 5 zone chat lines a second per bot.
        silo["SUNDERFALL_Chat__MessagesPerSecond"] = "5";
        silo["SUNDERFALL_Chat__Burst"] = "10";
        var frontend = new Dictionary<string, string>
        {
            ["SUNDERFALL_Outbox__MaxQueuedEvents"] = "1000",
            ["SUNDERFALL_Outbox__MaxQueuedBytes"] = MaxQueuedBytes.ToString(CultureInfo.InvariantCulture),
            ["SUNDERFALL_Outbox__SendStallTimeout"] = "00:00:05",
            ["SUNDERFALL_Outbox__TransportBufferBytes"] = "8192",
            // As over a real network: on loopback the kernel would otherwise let 4 MiB wait for a client that reads nothing.
            ["SUNDERFALL_Outbox__SocketSendBufferBytes"] = "16384",
        };
        cluster = await GameCluster.StartAsync("nonreader", siloCount: 1, silo, frontend);
    }

    public async Task DisposeAsync() => await cluster.DisposeAsync();

    [Fact]
    public async Task AClientThatNeverReads_InABusyZone_IsDropped_ItsQueueNeverPassesTheCap_AndThePlayersAroundItPlayOn()
    {
        var bots = new List<GameClient>();
        try
        {
            for (var i = 0; i < Bots; i++)
            {
                var bot = await cluster.ConnectAsync();
                bots.Add(bot);
                await bot.CreateAndEnterAsync("Bot");
            }

            using var busy = new CancellationTokenSource();
            var playing = bots.Select((bot, i) => PlayAsync(bot, i, busy.Token)).ToArray();

            var account = await cluster.RegisterAsync();
            string characterId, name;
            await using (var setup = await cluster.ConnectAsync("json", account))
            {
                var created = await setup.CreateCharacterAsync(GameClient.UniqueName("Mute"), "warrior");
                Assert.True(created.Ok, created.Error?.Message);
                (characterId, name) = (created.Value!.Id, created.Value.Name);
            }

            await using var mute = await NonReadingClient.ConnectAsync(cluster.HubUrl, account.AccessToken, receiveBufferBytes: 4096);
            var entered = await mute.EnterWorldAsync(characterId);
            Assert.True(entered.GetProperty("ok").GetBoolean(), entered.ToString());
            Assert.True(await GameClient.EventuallyAsync(() => bots.All(b => b.Find(name) is not null), Wait), "the bots never saw the client that stops reading");

            var before = await ScrapeAsync();
            var rssBefore = RssKib(cluster.Frontend.ProcessId);
            var stoppedAt = DateTime.UtcNow;
            mute.StopReading(TimeSpan.FromSeconds(2));

            var first = await Task.WhenAny(mute.Dropped, Task.Delay(DropWait));
            var after = await ScrapeAsync();
            output.WriteLine(
                $"dropped after {(DateTime.UtcNow - stoppedAt).TotalSeconds:F1} s; frontend RSS {rssBefore} KiB before, {RssKib(cluster.Frontend.ProcessId)} KiB after; "
                + $"peak queued {Value(after, "sunderfall_frontend_outbox_queued_peak_bytes")} bytes; dropped {Value(after, "sunderfall_frontend_connections_dropped_total")}");
            Assert.True(first == mute.Dropped, $"the frontend did not drop the client that stopped reading within {DropWait.TotalMinutes} minutes:\n{cluster.Frontend.Tail()}");
            Assert.Equal(1, Value(after, "sunderfall_frontend_connections_dropped_total") - Value(before, "sunderfall_frontend_connections_dropped_total"));
            Assert.InRange(Value(after, "sunderfall_frontend_outbox_queued_peak_bytes"), 1, MaxQueuedBytes);
            Assert.Contains("Dropping connection", cluster.Frontend.Tail(200), StringComparison.Ordinal);

            // The character left the world with the connection, as the players around it see.
            Assert.True(await GameClient.EventuallyAsync(() => bots.All(b => b.Find(name) is null), Wait), "the dropped client's character is still in the bots' view");

            // The players around it play on: a line said now reaches every bot, and their worlds keep moving.
            var deltas = bots.Select(b => b.DeltasApplied).ToArray();
            var line = $"still here {Guid.NewGuid():N}";
            var said = await SayAsync(bots[0], line);
            Assert.True(said, "the bot could not chat after the drop");
            Assert.True(await GameClient.EventuallyAsync(() => bots.All(b => b.Chats.Any(c => c.Text == line)), Wait), "a line said after the drop did not reach every bot");
            Assert.True(
                await GameClient.EventuallyAsync(() => bots.Select((b, i) => b.DeltasApplied > deltas[i]).All(moved => moved), Wait),
                "a bot's world stopped moving after the drop");
            Assert.All(bots, b => Assert.Equal(Microsoft.AspNetCore.SignalR.Client.HubConnectionState.Connected, b.Connection.State));

            await busy.CancelAsync();
            await Task.WhenAll(playing);
        }
        finally
        {
            foreach (var bot in bots)
            {
                await bot.DisposeAsync();
            }
        }
    }

    /// <summary>Walks to and fro beside the dummy, strikes it and talks, as fast as the limits let a player.</summary>
    private static async Task PlayAsync(GameClient bot, int index, CancellationToken stop)
    {
        var text = $"bot {index} says " + new string('x', 180);
        for (var step = 0; !stop.IsCancellationRequested; step++)
        {
            try
            {
                await bot.MoveAsync(step % 2 == 0 ? 1f : -1f, 0f);
                if (bot.Find(ProvingGrounds.Dummy) is { } dummy)
                {
                    await bot.UseAbilityAsync("strike", dummy.NetId);
                }

                await bot.SendChatAsync("zone", text);
                await Task.Delay(200, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>Says a line in the zone, again while chat refuses it as too fast (the bots talk at the limit).</summary>
    private static async Task<bool> SayAsync(GameClient bot, string line)
    {
        for (var i = 0; i < 20; i++)
        {
            if ((await bot.SendChatAsync("zone", line)).Ok)
            {
                return true;
            }

            await Task.Delay(250);
        }

        return false;
    }

    private async Task<Dictionary<string, double>> ScrapeAsync()
    {
        using var http = new HttpClient();
        var text = await http.GetStringAsync(cluster.Frontend.HttpUrl + "/metrics");
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            // name{labels} value: the series of one name are summed.
            var end = line.IndexOfAny(['{', ' ']);
            var valueStart = line.IndexOf(' ', line[end] == '{' ? line.IndexOf('}', end) : end) + 1;
            var valueEnd = line.IndexOf(' ', valueStart);
            var name = line[..end];
            values[name] = values.GetValueOrDefault(name) + double.Parse(valueEnd < 0 ? line[valueStart..] : line[valueStart..valueEnd], CultureInfo.InvariantCulture);
        }

        return values;
    }

    private static double Value(Dictionary<string, double> metrics, string name) => metrics.GetValueOrDefault(name);

    private static long RssKib(int processId)
    {
        var line = File.ReadLines($"/proc/{processId}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }
}
