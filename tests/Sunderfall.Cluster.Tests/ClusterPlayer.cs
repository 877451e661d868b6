using System.Collections.Concurrent;
using Sunderfall.Client;
using Sunderfall.Protocol.Characters;
using Sunderfall.Protocol.World;

namespace Sunderfall.Cluster.Tests;

/// <summary>A player on the client SDK, signed up through the load balancer, with a character in the world.</summary>
public sealed class ClusterPlayer : IAsyncDisposable
{
    public const string Password = "correct-horse-42";

    private int tokenChanges;

    private ClusterPlayer(SunderfallClient client)
    {
        Client = client;
        client.Resumed += (_, zone) => Resumes.Enqueue(zone);
        client.TokensChanged += (_, _) => Interlocked.Increment(ref tokenChanges);
    }

    public SunderfallClient Client { get; }

    public CharacterInfo Character { get; private set; } = null!;

    public ZoneEntered Zone { get; private set; } = null!;

    /// <summary>Every Resumed the client raised: back in the world after a reconnection.</summary>
    public ConcurrentQueue<ZoneEntered> Resumes { get; } = new();

    /// <summary>How many times the client got new tokens (signing up counts once).</summary>
    public int TokenChanges => Volatile.Read(ref tokenChanges);

    /// <summary>Signs up a new account, connects, creates a character and enters the world.</summary>
    public static async Task<ClusterPlayer> PlayingAsync(Uri url, string prefix)
    {
        var player = new ClusterPlayer(new SunderfallClient(url));
        try
        {
            var username = UniqueName(prefix.ToLowerInvariant());
            await RegisterAsync(player.Client, username);
            await player.Client.ConnectAsync();
            player.Character = (await player.Client.CreateCharacterAsync(UniqueName(prefix), "warrior")).ValueOrThrow();
            player.Zone = (await player.Client.EnterWorldAsync(player.Character.Id)).ValueOrThrow();
            return player;
        }
        catch
        {
            await player.DisposeAsync();
            throw;
        }
    }

    public static string UniqueName(string prefix) => prefix + Guid.NewGuid().ToString("N")[..(14 - prefix.Length)];

    public ValueTask DisposeAsync() => Client.DisposeAsync();

    // The sign-in limit test spends this address's allowance on purpose; a player signing up after it waits, as a
    // client told Retry-After would.
    private static async Task RegisterAsync(SunderfallClient client, string username)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await client.RegisterAsync(username, $"{username}@example.test", Password);
                return;
            }
            catch (SunderfallAuthException ex) when (ex.Code == "RateLimited" && attempt < 3)
            {
                await Task.Delay(ex.RetryAfter ?? TimeSpan.FromSeconds(10));
            }
        }
    }
}
