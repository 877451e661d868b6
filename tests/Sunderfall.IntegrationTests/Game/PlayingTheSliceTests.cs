using Sunderfall.IntegrationTests.Infrastructure;
using Xunit;
using ErrorCode = Sunderfall.Protocol.Errors.ErrorCode;

namespace Sunderfall.IntegrationTests.Game;

[Collection(SharedClusterDefinition.Name)]
public sealed class PlayingTheSliceTests(SharedClusterFixture fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

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
        Assert.Equal((name, "mage", 1, "ashen-vale"), (created.Value!.Name, created.Value.Class, created.Value.Level, created.Value.ZoneId));

        var entered = await client.EnterWorldAsync(created.Value.Id);
        Assert.True(entered.Ok, entered.Error?.Message);
        Assert.Equal("ashen-vale", entered.Value!.Template);
        Assert.StartsWith("ashen-vale/", entered.Value.ZoneId, StringComparison.Ordinal);
        Assert.Equal((1000f, 1000f), (entered.Value.Width, entered.Value.Height));
        // The default World:TickInterval, 30 a second: the client needs it to turn ticks into time.
        Assert.Equal(1000f / 30, entered.Value.TickMilliseconds, 0.01f);
        Assert.True(await GameClient.EventuallyAsync(() => client.Self() is not null, Wait), "the client never saw itself");
        Assert.Equal((500f, 500f), (client.Self()!.Value.X, client.Self()!.Value.Y));
        Assert.Equal(name, client.Self()!.Value.Name);
        Assert.Null(client.ApplyFailure);
    }

    [Fact]
    public async Task Move_ByOnePlayer_IsSeenByASecondPlayerInTheZone()
    {
        await using var walker = await Cluster.ConnectAsync();
        await using var watcher = await Cluster.ConnectAsync("json");
        var (walkerCharacter, _) = await walker.CreateAndEnterAsync("Walk");
        await watcher.CreateAndEnterAsync("Watch");
        Assert.True(await GameClient.EventuallyAsync(() => watcher.Find(walkerCharacter.Name) is not null, Wait), "the watcher never saw the walker");

        await walker.MoveAsync(0f, 1f);
        var sawItMove = await GameClient.EventuallyAsync(() => watcher.Find(walkerCharacter.Name) is { Y: > 502f }, Wait);
        await walker.MoveAsync(0f, 0f);

        Assert.True(sawItMove, "the watcher never saw the walker move");
        Assert.True(await GameClient.EventuallyAsync(() => walker.LastAck >= 2, Wait), "the walker's inputs were never acknowledged");
        Assert.Null(walker.ApplyFailure);
        Assert.Null(watcher.ApplyFailure);
    }

    [Fact]
    public async Task Deltas_ComeEveryThirdTick_ExceptOnTheTickThatAnswersTheClientsOwnInput()
    {
        await using var walker = await Cluster.ConnectAsync();
        await using var watcher = await Cluster.ConnectAsync();
        var (walkerCharacter, _) = await walker.CreateAndEnterAsync("Pace");
        await watcher.CreateAndEnterAsync("Eye");
        Assert.True(await GameClient.EventuallyAsync(() => watcher.Find(walkerCharacter.Name) is not null, Wait), "the watcher never saw the walker");
        watcher.DeltaTicks.Clear();
        walker.DeltaTicks.Clear();

        // Twelve inputs 70 ms apart (out of step with the 50 ms tick), walking in a small square around the spawn.
        (float X, float Y)[] directions = [(1f, 0f), (0f, 1f), (-1f, 0f), (0f, -1f)];
        for (var i = 0; i < 12; i++)
        {
            await walker.MoveAsync(directions[i % 4].X, directions[i % 4].Y);
            await Task.Delay(70);
        }

        await walker.MoveAsync(0f, 0f);
        Assert.True(await GameClient.EventuallyAsync(() => walker.LastAck >= walker.LastInputSequence, Wait), "the walker's inputs were never all acknowledged");

        // The watcher sent nothing: it hears of the walker on every third tick (Frontend:WorldUpdateEveryTicks = 3 at
        // the 30 Hz tick), about a third as many deltas as ticks passed (every tick would be three times that).
        var watched = watcher.DeltaTicks.ToArray();
        Assert.True(watched.Length >= 5, $"the watcher got {watched.Length} deltas while the walker walked for 0.8 s");
        var ticks = watched[^1].Tick - watched[0].Tick + 1;
        Assert.True(watched.Length <= (ticks / 3) + 2, $"the watcher got {watched.Length} deltas in {ticks} ticks: {Describe(watched)}");
        Assert.True(watched.Count(d => d.Tick % 3 != 0) <= 2, $"the watcher got deltas off the update ticks (multiples of 3): {Describe(watched)}");

        // Inputs out of step with the update ticks are answered on the tick that applies them: the answer is not held
        // back to the next update tick.
        var walked = walker.DeltaTicks.ToArray();
        var offAnswers = walked.Where((d, i) => d.Tick % 3 != 0 && d.AckInput > (i == 0 ? -1 : walked[i - 1].AckInput)).Count();
        Assert.True(offAnswers > 0, $"none of 13 inputs was answered off the update ticks: {Describe(walked)}");
        Assert.Null(watcher.ApplyFailure);
    }

    private static string Describe(IEnumerable<(long Tick, long AckInput)> deltas) => string.Join(", ", deltas.Select(d => $"{d.Tick}/{d.AckInput}"));

    [Fact]
    public async Task WalkingOutOfViewAndBack_DespawnsThenRespawnsThePlayerForTheWatcher()
    {
        await using var walker = await Cluster.ConnectAsync();
        await using var watcher = await Cluster.ConnectAsync();
        var (walkerCharacter, zone) = await walker.CreateAndEnterAsync("Far");
        await watcher.CreateAndEnterAsync("Near");
        Assert.True(await GameClient.EventuallyAsync(() => watcher.Find(walkerCharacter.Name) is not null, Wait));

        // West from the spawn, well past the view radius (the map is open floor there).
        await walker.MoveAsync(-1f, 0f);
        var leftView = await GameClient.EventuallyAsync(() => walker.Self() is { X: var x } && x < 500f - zone.ViewRadius - 10f, Wait);
        await walker.MoveAsync(0f, 0f);
        Assert.True(leftView, "the walker never got far away");
        Assert.True(await GameClient.EventuallyAsync(() => watcher.Find(walkerCharacter.Name) is null, Wait), "the walker is still in the watcher's view");

        await walker.MoveAsync(1f, 0f);
        var back = await GameClient.EventuallyAsync(() => watcher.Find(walkerCharacter.Name) is not null, Wait);
        await walker.MoveAsync(0f, 0f);
        Assert.True(back, "the walker never came back into view");
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
        (float X, float Y) left;
        var account = await Cluster.RegisterAsync();
        await using (var session = await Cluster.ConnectAsync(account: account))
        {
            var (character, _) = await session.CreateAndEnterAsync("Back");
            (id, name) = (character.Id, character.Name);
            await session.MoveAsync(0.6f, 0.8f);
            Assert.True(await GameClient.EventuallyAsync(() => session.Self() is { Y: > 510f }, Wait));
            await session.MoveAsync(0f, 0f);
            var still = await session.WaitUntilStillAsync(Wait);

            var leave = await session.LeaveWorldAsync();
            Assert.True(leave.Ok, leave.Error?.Message);
            left = (leave.Value!.X, leave.Value.Y);
            Assert.Equal(still.X, left.X, 1f / 16f);
            Assert.Equal(still.Y, left.Y, 1f / 16f);
        }

        var row = await Cluster.ReadCharacterRowAsync(name);
        Assert.NotNull(row);
        Assert.Equal(left.X, row.Value.GetProperty("X").GetSingle());
        Assert.Equal(left.Y, row.Value.GetProperty("Y").GetSingle());

        await using var again = await Cluster.ConnectAsync(account: await Cluster.LoginAsync(account.Username));
        var entered = await again.EnterWorldAsync(id);
        Assert.True(entered.Ok, entered.Error?.Message);
        Assert.True(await GameClient.EventuallyAsync(() => again.Self() is not null, Wait));
        Assert.Equal(left.X, again.Self()!.Value.X, 1f / 16f);
        Assert.Equal(left.Y, again.Self()!.Value.Y, 1f / 16f);
    }

    [Fact]
    public async Task Disconnecting_RemovesThePlayerFromOtherPlayersViews()
    {
        await using var watcher = await Cluster.ConnectAsync();
        await watcher.CreateAndEnterAsync("Stay");
        string leaverName;
        await using (var leaver = await Cluster.ConnectAsync())
        {
            (var character, _) = await leaver.CreateAndEnterAsync("Gone");
            leaverName = character.Name;
            Assert.True(await GameClient.EventuallyAsync(() => watcher.Find(leaverName) is not null, Wait));
        }

        Assert.True(await GameClient.EventuallyAsync(() => watcher.Find(leaverName) is null, Wait), "the watcher still sees the leaver");
    }
}
