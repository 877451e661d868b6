using Sunderfall.Grains.Interfaces.Common;
using Sunderfall.Grains.Interfaces.Players;
using Sunderfall.Grains.Tests.Zones;
using Xunit;

namespace Sunderfall.Grains.Tests.Players;

[Collection(ClusterCollectionDefinition.Name)]
public sealed class PlayerGrainTests(ClusterFixture fixture)
{
    private readonly IClusterClient client = fixture.Client;

    [Fact]
    public async Task CreateAsync_ThenGetAsync_ReturnsALevelOneCharacterAtTheSpawnOfTheStartZone()
    {
        var id = Guid.NewGuid();
        var name = TestWorld.UniqueName();
        var player = client.GetGrain<IPlayerGrain>(id);

        var created = await player.CreateAsync(new CreateCharacterRequest(name, CharacterClass.Mage));
        var fetched = await player.GetAsync();

        var expected = new CharacterSnapshot(
            id, name, CharacterClass.Mage, 1, TestWorld.StartZone, new WorldPosition(TestWorld.SpawnX, TestWorld.SpawnY), InWorld: false, WorldSession: 0);
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
        var first = await client.GetGrain<IPlayerGrain>(Guid.NewGuid()).CreateAsync(new CreateCharacterRequest(name, CharacterClass.Warrior));
        var second = client.GetGrain<IPlayerGrain>(Guid.NewGuid());

        var refused = await second.CreateAsync(new CreateCharacterRequest(name.ToUpperInvariant(), CharacterClass.Ranger));

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

        var refused = await player.CreateAsync(new CreateCharacterRequest(name, CharacterClass.Cleric));

        Assert.Equal(GameErrorCode.InvalidArgument, refused.Error?.Code);
        Assert.False(string.IsNullOrWhiteSpace(refused.Error!.Message));
        Assert.Null(await player.GetAsync());
    }

    [Fact]
    public async Task CreateAsync_WithUnknownClass_IsRefusedListingTheClasses()
    {
        var player = client.GetGrain<IPlayerGrain>(Guid.NewGuid());

        var refused = await player.CreateAsync(new CreateCharacterRequest(TestWorld.UniqueName(), (CharacterClass)99));

        Assert.Equal(GameErrorCode.InvalidArgument, refused.Error?.Code);
        Assert.Contains("Warrior", refused.Error!.Message, StringComparison.Ordinal);
        Assert.Null(await player.GetAsync());
    }

    [Fact]
    public async Task CreateAsync_WhenRetriedWithTheSameArguments_ReturnsTheSameCharacter()
    {
        var player = client.GetGrain<IPlayerGrain>(Guid.NewGuid());
        var request = new CreateCharacterRequest(TestWorld.UniqueName(), CharacterClass.Ranger);

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
        var original = await player.CreateAsync(new CreateCharacterRequest(TestWorld.UniqueName(), CharacterClass.Ranger));
        var otherName = TestWorld.UniqueName();

        var otherClass = await player.CreateAsync(new CreateCharacterRequest(original.Value!.Name, CharacterClass.Mage));
        var renamed = await player.CreateAsync(new CreateCharacterRequest(otherName, CharacterClass.Ranger));

        Assert.Equal(GameErrorCode.CharacterExists, otherClass.Error?.Code);
        Assert.Equal(GameErrorCode.CharacterExists, renamed.Error?.Code);
        Assert.Equal(original.Value, await player.GetAsync());

        // The refused rename must not have reserved the other name.
        var someoneElse = await client.GetGrain<IPlayerGrain>(Guid.NewGuid()).CreateAsync(new CreateCharacterRequest(otherName, CharacterClass.Mage));
        Assert.True(someoneElse.IsSuccess, someoneElse.Error?.Message);
    }

    [Fact]
    public async Task EnterWorldAsync_WhenCharacterWasNeverCreated_ReturnsCharacterNotFound()
    {
        using var frontend = new TestFrontend(client);

        var result = await client.GetGrain<IPlayerGrain>(Guid.NewGuid()).EnterWorldAsync(frontend.Id, frontend.Reference);

        Assert.Equal(GameErrorCode.CharacterNotFound, result.Error?.Code);
    }

    [Fact]
    public async Task CreateAsync_WhenTenPlayersRaceForOneName_ExactlyOneWins()
    {
        var name = TestWorld.UniqueName();
        var players = Enumerable.Range(0, 10).Select(_ => client.GetGrain<IPlayerGrain>(Guid.NewGuid())).ToList();

        // Every other contender spells the name in upper case: the rule is one name regardless of case.
        var results = await Task.WhenAll(players.Select((player, i) =>
            player.CreateAsync(new CreateCharacterRequest(i % 2 == 0 ? name : name.ToUpperInvariant(), CharacterClass.Warrior))));
        var characters = await Task.WhenAll(players.Select(player => player.GetAsync()));

        Assert.Single(results, r => r.IsSuccess);
        Assert.Equal(9, results.Count(r => r.Error?.Code == GameErrorCode.NameTaken));
        var winner = Assert.Single(characters, c => c is not null);
        Assert.Equal(results.Single(r => r.IsSuccess).Value, winner);
    }

    [Fact]
    public async Task CheckpointPositionAsync_FromAnEarlierStayOrAfterLeaving_IsIgnored()
    {
        using var frontend = new TestFrontend(client);
        var player = client.GetGrain<IPlayerGrain>(Guid.NewGuid());
        var request = new CreateCharacterRequest(TestWorld.UniqueName(), CharacterClass.Ranger);
        await player.CreateAsync(request);
        await player.EnterWorldAsync(frontend.Id, frontend.Reference);
        var firstStay = (await player.GetAsync())!.WorldSession;
        await player.LeaveWorldAsync();
        await player.EnterWorldAsync(frontend.Id, frontend.Reference);
        var secondStay = (await player.GetAsync())!.WorldSession;

        // Checkpoints are one-way; a retried create (which changes nothing) is queued behind them as a barrier.
        await player.CheckpointPositionAsync(TestWorld.StartZone, firstStay, new WorldPosition(1f, 1f));
        await player.CheckpointPositionAsync(TestWorld.StartZone, secondStay, new WorldPosition(2f, 2f));
        await player.CreateAsync(request);
        var duringSecondStay = await player.GetAsync();
        var left = await player.LeaveWorldAsync();
        await player.CheckpointPositionAsync(TestWorld.StartZone, secondStay, new WorldPosition(3f, 3f));
        await player.CreateAsync(request);
        var afterLeaving = await player.GetAsync();

        Assert.Equal(firstStay + 1, secondStay);
        Assert.Equal(new WorldPosition(2f, 2f), duringSecondStay?.Position);
        Assert.Equal(left.Value?.Position, afterLeaving?.Position);
        Assert.NotEqual(new WorldPosition(3f, 3f), afterLeaving?.Position);
        Assert.False(afterLeaving?.InWorld);
    }
}
