using Sunderfall.IntegrationTests.Infrastructure;
using ErrorCode = Sunderfall.Protocol.Errors.ErrorCode;
using Xunit;

namespace Sunderfall.IntegrationTests.Game;

[Collection(SharedClusterDefinition.Name)]
public sealed class PlayingTheSliceTests(SharedClusterFixture fixture)
{
    private GameCluster Cluster => fixture.Cluster;

    [Theory]
    [InlineData("json")]
    [InlineData("messagepack")]
    public async Task CreateCharacter_ThenEnterWorld_PutsTheCharacterAtSpawnInTheStartZone(string protocol)
    {
        await using var client = await Cluster.ConnectAsync(protocol);
        var name = GameClient.UniqueName("Ash");

        var created = await client.CreateCharacterAsync(name, "mage");
        Assert.True(created.Ok, created.Error?.Message);
        Assert.Equal(name, created.Value!.Name);
        Assert.Equal("mage", created.Value.Class);
        Assert.Equal(1, created.Value.Level);
        Assert.Equal("ashen-vale", created.Value.ZoneId);

        var entered = await client.EnterWorldAsync(created.Value.Id);
        Assert.True(entered.Ok, entered.Error?.Message);
        Assert.Equal(created.Value.Id, entered.Value!.SelfId);
        var self = Assert.Single(entered.Value.Entities, e => e.Id == created.Value.Id);
        Assert.Equal((500f, 500f), (self.X, self.Y));
    }

    [Fact]
    public async Task Move_ByOnePlayer_IsSeenByASecondPlayerInTheZone()
    {
        await using var walker = await Cluster.ConnectAsync();
        await using var watcher = await Cluster.ConnectAsync("json");
        var (walkerCharacter, _) = await walker.CreateAndEnterAsync("Walk");
        var (_, watcherZone) = await watcher.CreateAndEnterAsync("Watch");
        Assert.Contains(watcherZone.Entities, e => e.Id == walkerCharacter.Id);

        await walker.MoveAsync(503f, 504f);

        Assert.True(
            await GameClient.EventuallyAsync(() => watcher.HasSeen(walkerCharacter.Id, 503f, 504f), TimeSpan.FromSeconds(10)),
            "the watcher never received the walker's move");
        Assert.Empty(walker.Corrections);
    }

    [Fact]
    public async Task CreateCharacter_WhenTheNameIsTakenInAnotherCase_IsRefusedWithNameTaken()
    {
        await using var first = await Cluster.ConnectAsync();
        await using var second = await Cluster.ConnectAsync();
        var name = GameClient.UniqueName("Dup");

        var original = await first.CreateCharacterAsync(name, "warrior");
        var copy = await second.CreateCharacterAsync(name.ToUpperInvariant(), "cleric");

        Assert.True(original.Ok, original.Error?.Message);
        Assert.False(copy.Ok);
        Assert.Equal(ErrorCode.NameTaken, copy.Error!.Code);
        Assert.Contains("taken", copy.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LeavingAndComingBack_FindsTheCharacterWhereItStood_AndPostgresHoldsIt()
    {
        string id;
        string name;
        await using (var session = await Cluster.ConnectAsync())
        {
            var (character, _) = await session.CreateAndEnterAsync("Back");
            (id, name) = (character.Id, character.Name);
            // Steps no longer than the speed rule's slack are legal however quickly they follow one another.
            foreach (var (x, y) in new[] { (501f, 500f), (502f, 500f), (503f, 500f), (504f, 500f), (505f, 500f) })
            {
                await session.MoveAsync(x, y);
            }

            Assert.True(await GameClient.EventuallyAsync(() => session.HasSeen(id, 505f, 500f), TimeSpan.FromSeconds(10)));
            Assert.Empty(session.Corrections);

            var left = await session.LeaveWorldAsync();
            Assert.True(left.Ok, left.Error?.Message);
            Assert.Equal((505f, 500f), (left.Value!.X, left.Value.Y));
        }

        var row = await Cluster.ReadCharacterRowAsync(name);
        Assert.NotNull(row);
        Assert.Equal(505f, row.Value.GetProperty("X").GetSingle());
        Assert.Equal(500f, row.Value.GetProperty("Y").GetSingle());

        await using var again = await Cluster.ConnectAsync();
        var entered = await again.EnterWorldAsync(id);
        Assert.True(entered.Ok, entered.Error?.Message);
        var self = Assert.Single(entered.Value!.Entities, e => e.Id == id);
        Assert.Equal((505f, 500f), (self.X, self.Y));
    }

    [Fact]
    public async Task Disconnecting_RemovesThePlayerFromOtherPlayersViews()
    {
        await using var watcher = await Cluster.ConnectAsync();
        await watcher.CreateAndEnterAsync("Stay");
        string leaverId;
        await using (var leaver = await Cluster.ConnectAsync())
        {
            (var character, _) = await leaver.CreateAndEnterAsync("Gone");
            leaverId = character.Id;
        }

        Assert.True(
            await GameClient.EventuallyAsync(() => watcher.Updates.Any(u => u.Removed.Contains(leaverId)), TimeSpan.FromSeconds(10)),
            "the watcher was never told the leaver left");
    }
}
