using Sunderfall.Grains.Interfaces.Common;
using Sunderfall.Grains.Interfaces.Players;
using Sunderfall.Grains.Interfaces.Zones;
using Sunderfall.Grains.Tests.Zones;
using Xunit;

namespace Sunderfall.Grains.Tests.Players;

[Collection(ClusterCollectionDefinition.Name)]
public sealed class PlayerGrainTests(ClusterFixture fixture)
{
    private readonly IClusterClient client = fixture.Client;

    [Fact]
    public async Task CreateAsync_ThenGetAsync_ReturnsALevelOneCharacterOutOfTheWorldAtTheSpawnOfTheStartZone()
    {
        var id = Guid.NewGuid();
        var name = TestWorld.UniqueName();
        var player = client.GetGrain<IPlayerGrain>(id);

        var created = await player.CreateAsync(new CreateCharacterRequest(name, CharacterClass.Mage, TestWorld.Owner));
        var fetched = await player.GetAsync();

        // Until it first enters the world the character names the zone template, not an instance.
        var expected = new CharacterSnapshot(id, name, CharacterClass.Mage, 1, TestWorld.StartZone, TestWorld.Spawn, InWorld: false, WorldSession: 0, OwnerAccountId: TestWorld.Owner);
        Assert.True(created.IsSuccess, created.Error?.Message);
        Assert.Equal(expected, created.Value);
        Assert.Equal(expected, fetched);
    }

    [Fact]
    public async Task GetAsync_WhenCharacterWasNeverCreated_ReturnsNull() =>
        Assert.Null(await client.GetGrain<IPlayerGrain>(Guid.NewGuid()).GetAsync());

    [Fact]
    public async Task CreateAsync_WhenNameTakenInOtherCase_IsRefused()
    {
        var name = TestWorld.UniqueName();
        var first = await client.GetGrain<IPlayerGrain>(Guid.NewGuid()).CreateAsync(new CreateCharacterRequest(name, CharacterClass.Warrior, TestWorld.Owner));
        var second = client.GetGrain<IPlayerGrain>(Guid.NewGuid());

        var refused = await second.CreateAsync(new CreateCharacterRequest(name.ToUpperInvariant(), CharacterClass.Ranger, TestWorld.Owner));

        Assert.True(first.IsSuccess, first.Error?.Message);
        Assert.Equal(GameErrorCode.NameTaken, refused.Error?.Code);
        Assert.Contains(name.ToUpperInvariant(), refused.Error!.Message, StringComparison.Ordinal);
        Assert.Null(await second.GetAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData("Xy")]
    [InlineData("9Lives")]
    [InlineData("Bad Name")]
    [InlineData("ThisNameIsFarTooLong")]
    public async Task CreateAsync_WithInvalidName_IsRefusedAndLeavesNoCharacter(string name)
    {
        var player = client.GetGrain<IPlayerGrain>(Guid.NewGuid());

        var refused = await player.CreateAsync(new CreateCharacterRequest(name, CharacterClass.Cleric, TestWorld.Owner));

        Assert.Equal(GameErrorCode.InvalidArgument, refused.Error?.Code);
        Assert.False(string.IsNullOrWhiteSpace(refused.Error!.Message));
        Assert.Null(await player.GetAsync());
    }

    [Fact]
    public async Task CreateAsync_WithUnknownClass_IsRefusedListingTheClasses()
    {
        var player = client.GetGrain<IPlayerGrain>(Guid.NewGuid());

        var refused = await player.CreateAsync(new CreateCharacterRequest(TestWorld.UniqueName(), (CharacterClass)99, TestWorld.Owner));

        Assert.Equal(GameErrorCode.InvalidArgument, refused.Error?.Code);
        Assert.Contains("Warrior", refused.Error!.Message, StringComparison.Ordinal);
        Assert.Null(await player.GetAsync());
    }

    [Fact]
    public async Task CreateAsync_WhenRetriedWithTheSameArguments_ReturnsTheSameCharacter()
    {
        var player = client.GetGrain<IPlayerGrain>(Guid.NewGuid());
        var request = new CreateCharacterRequest(TestWorld.UniqueName(), CharacterClass.Ranger, TestWorld.Owner);

        var first = await player.CreateAsync(request);
        var retried = await player.CreateAsync(request);

        Assert.True(first.IsSuccess, first.Error?.Message);
        Assert.True(retried.IsSuccess, retried.Error?.Message);
        Assert.Equal(first.Value, retried.Value);
    }

    [Fact]
    public async Task CreateAsync_WithOtherArgumentsOnAnExistingCharacter_IsRefusedAndChangesNothing()
    {
        var player = client.GetGrain<IPlayerGrain>(Guid.NewGuid());
        var original = await player.CreateAsync(new CreateCharacterRequest(TestWorld.UniqueName(), CharacterClass.Ranger, TestWorld.Owner));
        var otherName = TestWorld.UniqueName();

        var otherClass = await player.CreateAsync(new CreateCharacterRequest(original.Value!.Name, CharacterClass.Mage, TestWorld.Owner));
        var renamed = await player.CreateAsync(new CreateCharacterRequest(otherName, CharacterClass.Ranger, TestWorld.Owner));

        Assert.Equal(GameErrorCode.CharacterExists, otherClass.Error?.Code);
        Assert.Equal(GameErrorCode.CharacterExists, renamed.Error?.Code);
        Assert.Equal(original.Value, await player.GetAsync());

        // The refused rename must not have reserved the other name.
        var someoneElse = await client.GetGrain<IPlayerGrain>(Guid.NewGuid()).CreateAsync(new CreateCharacterRequest(otherName, CharacterClass.Mage, TestWorld.Owner));
        Assert.True(someoneElse.IsSuccess, someoneElse.Error?.Message);
    }

    [Fact]
    public async Task CreateAsync_WhenTenPlayersRaceForOneName_ExactlyOneWins()
    {
        var name = TestWorld.UniqueName();
        var players = Enumerable.Range(0, 10).Select(_ => client.GetGrain<IPlayerGrain>(Guid.NewGuid())).ToList();

        // Every other contender spells the name in upper case: the rule is one name regardless of case.
        var results = await Task.WhenAll(players.Select((player, i) =>
            player.CreateAsync(new CreateCharacterRequest(i % 2 == 0 ? name : name.ToUpperInvariant(), CharacterClass.Warrior, TestWorld.Owner))));
        var characters = await Task.WhenAll(players.Select(player => player.GetAsync()));

        Assert.Single(results, r => r.IsSuccess);
        Assert.Equal(9, results.Count(r => r.Error?.Code == GameErrorCode.NameTaken));
        var winner = Assert.Single(characters, c => c is not null);
        Assert.Equal(results.Single(r => r.IsSuccess).Value, winner);
    }

    [Fact]
    public async Task EnterWorldAsync_WhenCharacterWasNeverCreated_ReturnsCharacterNotFound()
    {
        using var frontend = new TestFrontend(client);

        var result = await client.GetGrain<IPlayerGrain>(Guid.NewGuid()).EnterWorldAsAsync(TestWorld.Owner, frontend.Id, frontend.Reference);

        Assert.Equal(GameErrorCode.CharacterNotFound, result.Error?.Code);
    }

    [Fact]
    public async Task EnterWorldAsync_PutsTheCharacterInTheFirstChannelOfItsZoneAndStartsANewStay()
    {
        using var frontend = new TestFrontend(client);
        var player = await CreateCharacterAsync();

        var entered = await frontend.EnterAsync(player);
        var inWorld = await player.GetAsync();
        await player.LeaveWorldAsync();
        var reentered = await frontend.EnterAsync(player);
        var secondStay = await player.GetAsync();

        Assert.True(entered.IsSuccess, entered.Error?.Message);
        Assert.Equal(TestWorld.StartInstance, entered.Value!.ZoneId);
        Assert.Equal((TestWorld.StartInstance, true, 1L), (inWorld!.ZoneId, inWorld.InWorld, inWorld.WorldSession));
        Assert.True(reentered.IsSuccess, reentered.Error?.Message);
        Assert.Equal((TestWorld.StartInstance, true, 2L), (secondStay!.ZoneId, secondStay.InWorld, secondStay.WorldSession));
        await player.LeaveWorldAsync();
    }

    [Fact]
    public async Task LeaveWorldAsync_TakesTheCharacterOutOfTheWorldKeepingItsZone()
    {
        using var frontend = new TestFrontend(client);
        var player = await CreateCharacterAsync();
        await frontend.EnterAsync(player);

        var left = await player.LeaveWorldAsync();

        Assert.True(left.IsSuccess, left.Error?.Message);
        Assert.False(left.Value!.InWorld);
        Assert.Equal(TestWorld.StartInstance, left.Value.ZoneId);
        Assert.Equal(TestWorld.Spawn, left.Value.Position);
        Assert.Equal(left.Value, await player.GetAsync());
    }

    [Fact]
    public async Task CheckpointAsync_FromTheCurrentStay_SavesThePosition()
    {
        using var frontend = new TestFrontend(client);
        var (player, stay) = await EnterNewCharacterAsync(frontend);
        var checkpoint = new WorldPosition(510f, 495f);

        await player.CheckpointAsync(stay.ZoneId, stay.WorldSession, new PlayerCheckpoint(checkpoint, null));
        var saved = await AfterQueuedCallsAsync(player);

        Assert.Equal(checkpoint, saved.Position);
        await player.LeaveWorldAsync();
    }

    [Fact]
    public async Task CheckpointAsync_FromAnEarlierStayOrAfterLeaving_IsIgnored()
    {
        using var frontend = new TestFrontend(client);
        var (player, firstStay) = await EnterNewCharacterAsync(frontend);
        await player.LeaveWorldAsync();
        await frontend.EnterAsync(player);
        var secondStay = (await player.GetAsync())!;

        await player.CheckpointAsync(firstStay.ZoneId, firstStay.WorldSession, new PlayerCheckpoint(new WorldPosition(501f, 501f), null));
        await player.CheckpointAsync(secondStay.ZoneId, secondStay.WorldSession, new PlayerCheckpoint(new WorldPosition(502f, 502f), null));
        var duringSecondStay = await AfterQueuedCallsAsync(player);
        var left = await player.LeaveWorldAsync();
        await player.CheckpointAsync(secondStay.ZoneId, secondStay.WorldSession, new PlayerCheckpoint(new WorldPosition(503f, 503f), null));
        var afterLeaving = await AfterQueuedCallsAsync(player);

        Assert.Equal(firstStay.WorldSession + 1, secondStay.WorldSession);
        Assert.Equal(new WorldPosition(502f, 502f), duringSecondStay.Position);
        Assert.Equal(left.Value!.Position, afterLeaving.Position);
        Assert.NotEqual(new WorldPosition(503f, 503f), afterLeaving.Position);
        Assert.False(afterLeaving.InWorld);
    }

    [Fact]
    public async Task CheckpointAsync_FromAnotherZone_IsIgnored()
    {
        using var frontend = new TestFrontend(client);
        var (player, stay) = await EnterNewCharacterAsync(frontend);

        await player.CheckpointAsync(TestWorld.MirefenInstance, stay.WorldSession, new PlayerCheckpoint(new WorldPosition(301f, 301f), null));
        var saved = await AfterQueuedCallsAsync(player);

        Assert.Equal(stay.Position, saved.Position);
        Assert.Equal(TestWorld.StartInstance, saved.ZoneId);
        await player.LeaveWorldAsync();
    }

    [Fact]
    public async Task TransferAsync_FromTheCurrentZoneAndStay_MovesTheCharacterToTheTargetZoneOnce()
    {
        using var frontend = new TestFrontend(client);
        var playerId = Guid.NewGuid();
        var (player, stay) = await EnterNewCharacterAsync(frontend, playerId);
        var request = new ZoneTransferRequest(stay.ZoneId, stay.WorldSession, TestWorld.Mirefen, TestWorld.MirefenArrival);

        // As the zone does when the player walks into a portal: it lets go of the player, then hands it over.
        await client.GetGrain<IZoneGrain>(stay.ZoneId).LeaveAsync(playerId);
        await player.TransferAsync(request);
        var transferred = await AfterQueuedCallsAsync(player);
        // A retried request names the zone and stay the character has left: it must not move it again.
        await player.TransferAsync(request);
        var afterRetry = await AfterQueuedCallsAsync(player);

        var expected = stay with { ZoneId = TestWorld.MirefenInstance, Position = TestWorld.MirefenArrival, WorldSession = stay.WorldSession + 1 };
        Assert.Equal(expected, transferred);
        Assert.Equal(expected, afterRetry);
        await player.LeaveWorldAsync();
    }

    [Fact]
    public async Task TransferAsync_NamingAZoneTheCharacterIsNotIn_IsIgnored()
    {
        using var frontend = new TestFrontend(client);
        var (player, stay) = await EnterNewCharacterAsync(frontend);

        await player.TransferAsync(new ZoneTransferRequest(TestWorld.MirefenInstance, stay.WorldSession, TestWorld.Mirefen, TestWorld.MirefenArrival));
        var after = await AfterQueuedCallsAsync(player);

        Assert.Equal(stay, after);
        await player.LeaveWorldAsync();
    }

    [Fact]
    public async Task TransferAsync_FromAnEarlierStay_IsIgnored()
    {
        using var frontend = new TestFrontend(client);
        var (player, firstStay) = await EnterNewCharacterAsync(frontend);
        await player.LeaveWorldAsync();
        await frontend.EnterAsync(player);
        var secondStay = (await player.GetAsync())!;

        await player.TransferAsync(new ZoneTransferRequest(firstStay.ZoneId, firstStay.WorldSession, TestWorld.Mirefen, TestWorld.MirefenArrival));
        var after = await AfterQueuedCallsAsync(player);

        Assert.Equal(secondStay, after);
        await player.LeaveWorldAsync();
    }

    [Fact]
    public async Task TransferAsync_AfterLeavingTheWorld_IsIgnored()
    {
        using var frontend = new TestFrontend(client);
        var (player, stay) = await EnterNewCharacterAsync(frontend);
        var left = (await player.LeaveWorldAsync()).Value;

        await player.TransferAsync(new ZoneTransferRequest(stay.ZoneId, stay.WorldSession, TestWorld.Mirefen, TestWorld.MirefenArrival));
        var after = await AfterQueuedCallsAsync(player);

        Assert.Equal(left, after);
    }

    /// <summary>Creates a character, enters it into the world through <paramref name="frontend"/> and reads its stay.</summary>
    private async Task<(IPlayerGrain Player, CharacterSnapshot Stay)> EnterNewCharacterAsync(TestFrontend frontend, Guid? id = null)
    {
        var player = await CreateCharacterAsync(id);
        var entered = await frontend.EnterAsync(player);
        Assert.True(entered.IsSuccess, entered.Error?.Message);
        return (player, (await player.GetAsync())!);
    }

    private async Task<IPlayerGrain> CreateCharacterAsync(Guid? id = null)
    {
        var player = client.GetGrain<IPlayerGrain>(id ?? Guid.NewGuid());
        var created = await player.CreateAsync(new CreateCharacterRequest(TestWorld.UniqueName(), CharacterClass.Ranger, TestWorld.Owner));
        Assert.True(created.IsSuccess, created.Error?.Message);
        return player;
    }

    /// <summary>
    /// The character once the one-way calls sent before have run: a retried create (which changes nothing) is not
    /// interleaved, so it runs after them, unlike <see cref="IPlayerGrain.GetAsync"/>.
    /// </summary>
    private static async Task<CharacterSnapshot> AfterQueuedCallsAsync(IPlayerGrain player)
    {
        var current = (await player.GetAsync())!;
        await player.CreateAsync(new CreateCharacterRequest(current.Name, current.Class, TestWorld.Owner));
        return (await player.GetAsync())!;
    }
}
