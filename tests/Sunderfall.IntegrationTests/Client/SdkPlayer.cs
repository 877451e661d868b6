using System.Collections.Concurrent;
using Sunderfall.Client;
using Sunderfall.IntegrationTests.Infrastructure;
using Sunderfall.Protocol.Characters;
using Sunderfall.Protocol.Combat;
using Sunderfall.Protocol.Errors;
using Sunderfall.Protocol.Social;
using Sunderfall.Protocol.World;

namespace Sunderfall.IntegrationTests.Client;

/// <summary>
/// A test player on the client SDK: a <see cref="SunderfallClient"/> of a new account, with every event it raises
/// recorded for the assertions.
/// </summary>
public sealed class SdkPlayer : IAsyncDisposable
{
    private SdkPlayer(SunderfallClient client, string username)
    {
        Client = client;
        Username = username;
        client.ConnectionStateChanged += (_, change) => States.Enqueue(change);
        client.Resumed += (_, zone) => Resumes.Enqueue(zone);
        client.ResumeFailed += (_, error) => ResumeFailures.Enqueue(error);
        client.SessionClosed += (_, error) => SessionCloses.Enqueue(error);
        client.ErrorReceived += (_, error) => Errors.Enqueue(error);
        client.ChatReceived += (_, line) => Chats.Enqueue(line);
        client.PartyInvited += (_, invite) => PartyInvites.Enqueue(invite);
        client.PartyChanged += (_, party) => PartyChanges.Enqueue(party);
        client.CombatReceived += (_, combat) =>
        {
            foreach (var e in combat.Events)
            {
                CombatEvents.Enqueue(e);
            }
        };
        client.VitalsChanged += (_, vitals) => Vitals.Enqueue(vitals);
        client.RewardReceived += (_, reward) => Rewards.Enqueue(reward);
        client.TokensChanged += (_, _) => Interlocked.Increment(ref tokenChanges);
        client.WorldUpdated += (_, update) => Interlocked.Exchange(ref lastAck, update.AckInput);
    }

    private int tokenChanges;
    private long lastAck;

    public SunderfallClient Client { get; }

    public string Username { get; }

    public CharacterInfo Character { get; private set; } = null!;

    public ZoneEntered Zone { get; private set; } = null!;

    public ConcurrentQueue<ConnectionStateChange> States { get; } = new();

    public ConcurrentQueue<ZoneEntered> Resumes { get; } = new();

    public ConcurrentQueue<ServerError> ResumeFailures { get; } = new();

    public ConcurrentQueue<ServerError> SessionCloses { get; } = new();

    public ConcurrentQueue<ServerError> Errors { get; } = new();

    public ConcurrentQueue<ChatMessage> Chats { get; } = new();

    public ConcurrentQueue<PartyInviteInfo> PartyInvites { get; } = new();

    public ConcurrentQueue<PartyInfo> PartyChanges { get; } = new();

    public ConcurrentQueue<CombatEventInfo> CombatEvents { get; } = new();

    public ConcurrentQueue<Vitals> Vitals { get; } = new();

    public ConcurrentQueue<RewardInfo> Rewards { get; } = new();

    /// <summary>How many times the client raised TokensChanged (register or login included).</summary>
    public int TokenChanges => Volatile.Read(ref tokenChanges);

    /// <summary>The AckInput of the last WorldUpdated.</summary>
    public long LastAck => Interlocked.Read(ref lastAck);

    /// <summary>
    /// Registers a new account through the SDK (which signs it in) and connects to the hub, at the cluster's frontend
    /// or at <paramref name="url"/> (a link in front of it).
    /// </summary>
    public static async Task<SdkPlayer> ConnectedAsync(GameCluster cluster, SunderfallClientOptions? options = null, string? url = null)
    {
        var username = GameClient.UniqueName("sdk");
        var client = new SunderfallClient(new Uri(url ?? cluster.Frontend.HttpUrl), options);
        var player = new SdkPlayer(client, username);
        try
        {
            await client.RegisterAsync(username, $"{username}@example.test", GameCluster.TestPassword);
            await client.ConnectAsync();
            return player;
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    /// <summary>A connected player with a new character in the world.</summary>
    public static async Task<SdkPlayer> PlayingAsync(GameCluster cluster, string prefix, SunderfallClientOptions? options = null, string? url = null)
    {
        var player = await ConnectedAsync(cluster, options, url);
        try
        {
            player.Character = (await player.Client.CreateCharacterAsync(GameClient.UniqueName(prefix), "warrior")).ValueOrThrow();
            player.Zone = (await player.Client.EnterWorldAsync(player.Character.Id)).ValueOrThrow();
            return player;
        }
        catch
        {
            await player.DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits until the client shows its own character standing still, and returns where.</summary>
    public async Task<(float X, float Y)> WaitUntilStillAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        (float X, float Y)? last = null;
        var stillSince = DateTime.UtcNow;
        while (DateTime.UtcNow < deadline)
        {
            (float X, float Y)? now = Client.World.Self is { } self ? (self.X, self.Y) : null;
            if (now is null || now != last)
            {
                (last, stillSince) = (now, DateTime.UtcNow);
            }
            else if (DateTime.UtcNow - stillSince > TimeSpan.FromMilliseconds(500))
            {
                return now.Value;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("the character never stood still");
    }

    public ValueTask DisposeAsync() => Client.DisposeAsync();
}
