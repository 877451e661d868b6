using Sunderfall.Grains.Interfaces.Players;
using Sunderfall.Grains.Interfaces.Zones;
using Sunderfall.Grains.Tests.Zones;
using Xunit;

namespace Sunderfall.Grains.Tests.Players;

/// <summary>Health, resource and death belong to the durable character: leaving and entering again restores nothing.</summary>
[Collection(ClusterCollectionDefinition.Name)]
public sealed class PlayerVitalsTests(ClusterFixture fixture)
{
    // A level 1 cleric: 70 base resource + 3 per point of its 11 intellect; heal costs 25.
    private const int ClericResource = 103;

    private readonly IClusterClient client = fixture.Client;

    private IZoneGrain StartZone => client.GetGrain<IZoneGrain>(TestWorld.StartInstance);

    [Fact]
    public async Task EnterWorld_DuringTheLogoutDelay_TakesBackTheBodyWithItsResourceSpent()
    {
        using var frontend = new TestFrontend(client);
        var (playerId, player) = await EnterClericAsync(frontend);
        await HealSelfAsync(frontend, playerId);

        var left = await player.LeaveWorldAsync();
        var lingering = await StartZone.FrontendOfAsync(playerId);
        using var again = new TestFrontend(client);
        var entered = await again.EnterAsync(player);
        var vitals = await again.WaitForNoticeAsync(TestWorld.StartInstance, playerId, PlayerNoticeKind.Vitals);

        Assert.True(entered.IsSuccess, entered.Error?.Message);
        Assert.NotNull(lingering);
        Assert.True(left.Value!.Vitals!.Resource < ClericResource, $"saved resource {left.Value.Vitals.Resource}");
        Assert.True(vitals.Vitals!.Resource < ClericResource, $"resource {vitals.Vitals.Resource} after entering again");
        await player.LeaveWorldAsync();
    }

    [Fact]
    public async Task EnterWorld_AfterTheLogoutDelay_RestoresTheSavedResourceInsteadOfFillingIt()
    {
        using var frontend = new TestFrontend(client);
        var (playerId, player) = await EnterClericAsync(frontend);
        await HealSelfAsync(frontend, playerId);

        await player.LeaveWorldAsync();
        var gone = await Eventually.AskUntilFoundAsync(async () => await StartZone.FrontendOfAsync(playerId) is null ? "gone" : null, TestWorld.Patience);
        var saved = await Eventually.AskUntilFoundAsync(async () => await player.GetAsync() is { Vitals: { } v } ? v : null, TestWorld.Patience);
        using var again = new TestFrontend(client);
        await again.EnterAsync(player);
        var vitals = await again.WaitForNoticeAsync(TestWorld.StartInstance, playerId, PlayerNoticeKind.Vitals);

        Assert.Equal("gone", gone);
        Assert.True(saved!.Resource < ClericResource, $"saved resource {saved.Resource}");
        Assert.True(vitals.Vitals!.Resource < ClericResource, $"resource {vitals.Vitals.Resource} after entering again");
        Assert.Equal(ClericResource, vitals.Vitals.MaxResource);
        await player.LeaveWorldAsync();
    }

    [Fact]
    public async Task LeaveWorld_OutOfCombat_TakesThePlayerOutAtOnce()
    {
        using var frontend = new TestFrontend(client);
        var (playerId, player) = await EnterClericAsync(frontend);

        await player.LeaveWorldAsync();

        Assert.Null(await StartZone.FrontendOfAsync(playerId));
    }

    private async Task<(Guid PlayerId, IPlayerGrain Player)> EnterClericAsync(TestFrontend frontend)
    {
        var playerId = Guid.NewGuid();
        var player = client.GetGrain<IPlayerGrain>(playerId);
        var created = await player.CreateAsync(new CreateCharacterRequest(TestWorld.UniqueName(), CharacterClass.Cleric, TestWorld.Owner));
        Assert.True(created.IsSuccess, created.Error?.Message);
        var entered = await frontend.EnterAsync(player);
        Assert.True(entered.IsSuccess, entered.Error?.Message);
        return (playerId, player);
    }

    // Heal (cast 1 s, 25 resource) on itself, waiting until the cast landed and the resource it cost shows.
    private async Task HealSelfAsync(TestFrontend frontend, Guid playerId)
    {
        Assert.Null(await StartZone.UseAbilityAsync(playerId, new AbilityRequest(1, "heal", 0)));
        await frontend.WaitForNoticeAsync(TestWorld.StartInstance, playerId, PlayerNoticeKind.Vitals,
            n => n.Vitals is { Casting: null, Resource: < ClericResource });
    }
}
