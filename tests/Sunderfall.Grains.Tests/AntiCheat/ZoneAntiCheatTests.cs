using Sunderfall.Grains.AntiCheat;
using Sunderfall.Grains.Interfaces.Common;
using Sunderfall.Grains.Interfaces.Players;
using Sunderfall.Grains.Interfaces.Zones;
using Sunderfall.Grains.Tests.Zones;
using Xunit;

namespace Sunderfall.Grains.Tests.AntiCheat;

/// <summary>The zone grain on the test cluster feeding its suspicion monitor: flags reach the silo's <see cref="ICheatFlagSink"/>.</summary>
[Collection(ClusterCollectionDefinition.Name)]
public sealed class ZoneAntiCheatTests(ClusterFixture fixture)
{
    private readonly IClusterClient client = fixture.Client;

    private IZoneGrain StartZone => client.GetGrain<IZoneGrain>(TestWorld.StartInstance);

    [Fact]
    public async Task SubmitInputsAsync_TenMalformedInputs_AreRefusedAndRaiseOneMalformedInputFlagForThePlayer()
    {
        using var frontend = new TestFrontend(client);
        var (playerId, player) = await EnterAsync(frontend);

        var refusals = new List<GameError?>();
        for (var i = 1; i <= 10; i++)
        {
            refusals.Add(await StartZone.SubmitOneAsync(playerId, new MoveInput(i, float.NaN, 0f)));
        }

        var flag = await Eventually.FindAsync(() => RecordingCheatFlagSink.Shared.FirstOf(playerId), TestWorld.Patience);
        // Give the zone a few more ticks to show it does not flag again.
        await Task.Delay(TestWorld.TickInterval * 5);

        Assert.All(refusals, r => Assert.Equal(GameErrorCode.InvalidArgument, r?.Code));
        Assert.NotNull(flag);
        Assert.Equal((SuspicionRules.MalformedInput, (short)3, TestWorld.StartInstance), (flag.Kind, flag.Severity, flag.Details["zone"]));
        Assert.InRange(flag.Count, 5, 10);
        Assert.Single(RecordingCheatFlagSink.Shared.FlagsOf(playerId));
        await player.LeaveWorldAsync();
    }

    [Fact]
    public async Task SubmitInputsAsync_AFewMalformedInputsAndOrdinaryWalking_RaiseNoFlag()
    {
        using var frontend = new TestFrontend(client);
        var (playerId, player) = await EnterAsync(frontend);

        for (var i = 1; i <= 3; i++)
        {
            await StartZone.SubmitOneAsync(playerId, new MoveInput(i, 2f, 0f));
        }

        for (var i = 4; i <= 20; i++)
        {
            await StartZone.SubmitOneAsync(playerId, new MoveInput(i, i % 2, 0f));
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        await Task.Delay(TestWorld.TickInterval * 5);

        Assert.Empty(RecordingCheatFlagSink.Shared.FlagsOf(playerId));
        await player.LeaveWorldAsync();
    }

    [Fact]
    public async Task SubmitInputsAsync_AboutAHundredInputsASecondForThreeSeconds_RaisesAnInputFloodFlag()
    {
        using var frontend = new TestFrontend(client);
        var (playerId, player) = await EnterAsync(frontend);

        var sequence = 0;
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(3);
        while (DateTime.UtcNow < until && RecordingCheatFlagSink.Shared.FlagsOf(playerId).Count == 0)
        {
            await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => StartZone.SubmitOneAsync(playerId, new MoveInput(++sequence, 0f, 0f))));
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }

        var flag = await Eventually.FindAsync(() => RecordingCheatFlagSink.Shared.FirstOf(playerId), TestWorld.Patience);

        Assert.Equal(SuspicionRules.InputFlood, flag?.Kind);
        await player.LeaveWorldAsync();
    }

    [Fact]
    public async Task UseAbilityAsync_FiredFasterThanItsCooldown_IsRefusedEveryTime_AndRaisesACooldownBypassFlag()
    {
        using var frontend = new TestFrontend(client);
        var (playerId, player) = await EnterAsync(frontend, CharacterClass.Cleric);

        // A cleric's heal on itself (target 0) always has a target: the first is accepted, the rest come too soon.
        var first = await StartZone.UseAbilityAsync(playerId, new AbilityRequest(1, "heal", 0));
        var refusals = new List<GameError?>();
        for (var i = 2; i <= 40; i++)
        {
            refusals.Add(await StartZone.UseAbilityAsync(playerId, new AbilityRequest(i, "heal", 0)));
        }

        var flag = await Eventually.FindAsync(() => RecordingCheatFlagSink.Shared.FirstOf(playerId), TestWorld.Patience);

        Assert.Null(first);
        Assert.All(refusals, r => Assert.Equal(GameErrorCode.OnCooldown, r?.Code));
        Assert.Equal((SuspicionRules.CooldownBypass, (short)2), (flag?.Kind, flag?.Severity));
        await player.LeaveWorldAsync();
    }

    [Fact]
    public async Task UseAbilityAsync_AnAbilityOfAnotherClass_IsRefusedWithoutAFlag()
    {
        using var frontend = new TestFrontend(client);
        var (playerId, player) = await EnterAsync(frontend, CharacterClass.Warrior);

        var refused = await StartZone.UseAbilityAsync(playerId, new AbilityRequest(1, "fireball", 0));
        await Task.Delay(TestWorld.TickInterval * 5);

        Assert.Equal(GameErrorCode.InvalidArgument, refused?.Code);
        Assert.Equal("a Warrior cannot use fireball; known: strike, cleave", refused!.Message);
        Assert.Empty(RecordingCheatFlagSink.Shared.FlagsOf(playerId));
        await player.LeaveWorldAsync();
    }

    private async Task<(Guid PlayerId, IPlayerGrain Player)> EnterAsync(TestFrontend frontend, CharacterClass characterClass = CharacterClass.Warrior)
    {
        var playerId = Guid.NewGuid();
        var player = client.GetGrain<IPlayerGrain>(playerId);
        var created = await player.CreateAsync(new CreateCharacterRequest(TestWorld.UniqueName(), characterClass, TestWorld.Owner));
        Assert.True(created.IsSuccess, created.Error?.Message);
        var entered = await frontend.EnterAsync(player);
        Assert.True(entered.IsSuccess, entered.Error?.Message);
        return (playerId, player);
    }
}
