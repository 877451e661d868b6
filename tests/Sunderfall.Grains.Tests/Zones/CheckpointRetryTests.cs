using Sunderfall.Grains.Interfaces.Players;
using Sunderfall.Grains.Interfaces.Zones;
using Xunit;

namespace Sunderfall.Grains.Tests.Zones;

/// <summary>A checkpoint whose write failed is not counted as saved: the zone sends it again until it is written.</summary>
public sealed class CheckpointRetryTests(FlakyStorageClusterFixture fixture) : IClassFixture<FlakyStorageClusterFixture>
{
    private readonly IClusterClient client = fixture.Client;

    [Fact]
    public async Task ACheckpointWhoseWriteFailedOnce_IsSavedLater()
    {
        using var frontend = new TestFrontend(client);
        var playerId = Guid.NewGuid();
        var player = client.GetGrain<IPlayerGrain>(playerId);
        await player.CreateAsync(new CreateCharacterRequest(TestWorld.UniqueName(), CharacterClass.Warrior, TestWorld.Owner));
        var entered = await frontend.EnterAsync(player);
        Assert.True(entered.IsSuccess, entered.Error?.Message);
        var storage = FlakyPlayerStorage.Shared!;
        var zone = client.GetGrain<IZoneGrain>(TestWorld.StartInstance);

        // Walk east a few units and stop; the next write of the character (the walk's checkpoint) fails.
        storage.FailNextWriteOf(playerId);
        await zone.SubmitOneAsync(playerId, new MoveInput(1, 1f, 0f));
        var walked = await frontend.WaitForBatchAsync("the player walking", b => b.Moved.Any(m => m.NetId == entered.Value!.SelfNetId && m.X > TestWorld.Spawn.X + 2f));
        await zone.SubmitOneAsync(playerId, new MoveInput(2, 0f, 0f));
        var failed = await Eventually.FindAsync(() => storage.FailuresOf(playerId) > 0 ? "failed" : null, TestWorld.Patience);
        var saved = await Eventually.AskUntilFoundAsync(async () => await player.GetAsync() is { } c && c.Position.X > TestWorld.Spawn.X + 2f ? c : null, TestWorld.Patience);

        Assert.NotNull(walked);
        Assert.Equal("failed", failed);
        Assert.NotNull(saved);
        Assert.True(saved.InWorld);
        await player.LeaveWorldAsync();
    }
}
