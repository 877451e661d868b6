using Orleans.Core.Internal;
using Sunderfall.Grains.Interfaces.Chat;
using Sunderfall.Grains.Interfaces.Players;
using Sunderfall.Grains.Tests.Zones;
using Xunit;

namespace Sunderfall.Grains.Tests.Players;

[Collection(ClusterCollectionDefinition.Name)]
public sealed class PlayerEventDeliveryTests(ClusterFixture fixture)
{
    private readonly IClusterClient client = fixture.Client;

    [Fact]
    public async Task DeliverAsync_AfterThePlayerGrainWasReactivated_FindsTheFrontendThroughTheZone()
    {
        using var frontend = new TestFrontend(client);
        var id = Guid.NewGuid();
        var player = client.GetGrain<IPlayerGrain>(id);
        Assert.True((await player.CreateAsync(new CreateCharacterRequest(TestWorld.UniqueName(), CharacterClass.Mage, TestWorld.Owner))).IsSuccess);
        Assert.True((await frontend.EnterAsync(player)).IsSuccess);

        // A new activation knows its character (from storage) but not the frontend it was entered from.
        await player.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        await Task.Delay(500);
        var line = new ChatLine(ChatChannel.Whisper, Guid.NewGuid(), "Someone", "are you there?", DateTimeOffset.UtcNow, "you");
        var delivered = await player.DeliverAsync(new PlayerEvent(id, PlayerEventKind.Chat, Chat: line));

        Assert.True(delivered);
        Assert.NotNull(await Eventually.FindAsync(() => frontend.Events.FirstOrDefault(e => e.PlayerId == id && e.Chat?.Text == "are you there?"), TestWorld.Patience));
        await player.LeaveWorldAsync();
    }

    [Fact]
    public async Task DeliverAsync_ToACharacterOutOfTheWorld_IsNotDelivered()
    {
        var id = Guid.NewGuid();
        var player = client.GetGrain<IPlayerGrain>(id);
        Assert.True((await player.CreateAsync(new CreateCharacterRequest(TestWorld.UniqueName(), CharacterClass.Mage, TestWorld.Owner))).IsSuccess);

        Assert.False(await player.DeliverAsync(new PlayerEvent(id, PlayerEventKind.SheetChanged)));
    }
}
