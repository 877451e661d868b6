using Sunderfall.Grains.Interfaces.Players;
using Sunderfall.Grains.Interfaces.Zones;
using Sunderfall.Grains.Tests.Zones;
using Xunit.Sdk;

namespace Sunderfall.Grains.Tests.Parties;

/// <summary>
/// A character created for one test and put into the world through its own stand-in frontend, whose player events
/// (party changes, invites, chat) the test can read. Disposing takes it out of the world again.
/// </summary>
public sealed class OnlineCharacter : IAsyncDisposable
{
    private readonly IClusterClient client;
    private readonly RecordingZoneObserver recorder = new();
    private readonly FrontendObservers reference;

    private OnlineCharacter(IClusterClient client, string name)
    {
        this.client = client;
        Name = name;
        Grain = client.GetGrain<IPlayerGrain>(Id);
        reference = new FrontendObservers(client.CreateObjectReference<IZoneObserver>(recorder), client.CreateObjectReference<IPlayerObserver>(recorder));
    }

    public Guid Id { get; } = Guid.NewGuid();

    public string Name { get; }

    public IPlayerGrain Grain { get; }

    /// <summary>The player events this character's frontend received, in arrival order.</summary>
    public IReadOnlyList<PlayerEvent> Events => [.. recorder.Events];

    /// <summary>Creates a character and enters it into the world.</summary>
    public static async Task<OnlineCharacter> EnterAsync(IClusterClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var character = new OnlineCharacter(client, TestWorld.UniqueName());
        var created = await character.Grain.CreateAsync(new CreateCharacterRequest(character.Name, CharacterClass.Warrior, TestWorld.Owner));
        var entered = await character.Grain.EnterWorldAsAsync(TestWorld.Owner, "frontend-" + character.Id.ToString("N")[..8], character.reference);
        if (!created.IsSuccess || !entered.IsSuccess)
        {
            throw new XunitException($"could not bring {character.Name} online: {created.Error?.Message ?? entered.Error?.Message}");
        }

        return character;
    }

    /// <summary>Creates a character that never enters the world.</summary>
    public static async Task<Guid> CreateOfflineAsync(IClusterClient client, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var id = Guid.NewGuid();
        var created = await client.GetGrain<IPlayerGrain>(id).CreateAsync(new CreateCharacterRequest(name ?? TestWorld.UniqueName(), CharacterClass.Cleric, TestWorld.Owner));
        return created.IsSuccess ? id : throw new XunitException($"could not create a character: {created.Error?.Message}");
    }

    /// <summary>The first event matching <paramref name="match"/>; fails the test, naming <paramref name="expected"/>, when none comes in time.</summary>
    public async Task<PlayerEvent> WaitForEventAsync(string expected, Func<PlayerEvent, bool> match)
    {
        ArgumentNullException.ThrowIfNull(match);
        var found = await Eventually.FindAsync(() => recorder.Events.FirstOrDefault(match), TestWorld.Patience);
        return found ?? throw new XunitException(
            $"{Name} received no event with {expected} within {TestWorld.Patience.TotalSeconds} s ({recorder.Events.Count} events in all)");
    }

    /// <summary>The first party change this character was told of that matches <paramref name="match"/>.</summary>
    public Task<PlayerEvent> WaitForPartyChangeAsync(string expected, Func<PlayerEvent, bool> match) =>
        WaitForEventAsync(expected, e => e.Kind == PlayerEventKind.PartyChanged && match(e));

    public async ValueTask DisposeAsync()
    {
        await Grain.LeaveWorldAsync();
        client.DeleteObjectReference<IZoneObserver>(reference.Zone);
        client.DeleteObjectReference<IPlayerObserver>(reference.Players);
    }
}
