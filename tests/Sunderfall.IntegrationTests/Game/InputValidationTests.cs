using Sunderfall.IntegrationTests.Infrastructure;
using ErrorCode = Sunderfall.Protocol.Errors.ErrorCode;
using Xunit;

namespace Sunderfall.IntegrationTests.Game;

[Collection(SharedClusterDefinition.Name)]
public sealed class InputValidationTests(SharedClusterFixture fixture)
{
    private GameCluster Cluster => fixture.Cluster;

    [Theory]
    [InlineData(null, "warrior", "name must be")]
    [InlineData("", "warrior", "name is required")]
    [InlineData("ab", "warrior", "3-16")]
    [InlineData("ThisNameIsFarTooLongToUse", "warrior", "3-16")]
    [InlineData("Bad Name", "warrior", "A-Z")]
    [InlineData("9lives", "warrior", "start with a letter")]
    [InlineData("Robert'); DROP", "warrior", "A-Z")]
    [InlineData("Valid", "necromancer", "class must be one of: warrior, ranger, mage, cleric")]
    [InlineData("Valid", null, "class must be one of")]
    public async Task CreateCharacter_WithInvalidArguments_IsRefusedWithAMessageSayingWhatIsAllowed(string? name, string? characterClass, string expected)
    {
        await using var client = await Cluster.ConnectAsync();

        var result = await client.CreateCharacterAsync(name, characterClass);

        Assert.False(result.Ok);
        Assert.Equal(ErrorCode.InvalidArgument, result.Error!.Code);
        Assert.Contains(expected, result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateCharacter_WithAHugeName_IsRefusedAndTheConnectionStaysUsable()
    {
        await using var client = await Cluster.ConnectAsync();

        var result = await client.CreateCharacterAsync(new string('x', 20_000), "warrior");
        var after = await client.CreateCharacterAsync(GameClient.UniqueName("Ok"), "ranger");

        Assert.Equal(ErrorCode.InvalidArgument, result.Error!.Code);
        Assert.True(after.Ok, after.Error?.Message);
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("")]
    [InlineData(null)]
    public async Task EnterWorld_WithAMalformedId_IsRefused(string? id)
    {
        await using var client = await Cluster.ConnectAsync();

        var result = await client.EnterWorldAsync(id);

        Assert.Equal(ErrorCode.InvalidArgument, result.Error!.Code);
        Assert.Contains("GUID", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnterWorld_WithAnUnknownCharacter_IsRefusedWithCharacterNotFound()
    {
        await using var client = await Cluster.ConnectAsync();

        var result = await client.EnterWorldAsync(Guid.NewGuid().ToString());

        Assert.Equal(ErrorCode.CharacterNotFound, result.Error!.Code);
    }

    [Theory]
    [InlineData(float.NaN, 500f, ErrorCode.InvalidArgument, "finite")]
    [InlineData(500f, float.PositiveInfinity, ErrorCode.InvalidArgument, "finite")]
    [InlineData(-1f, 500f, ErrorCode.InvalidArgument, "x must be within 0..1000")]
    [InlineData(500f, 1000.5f, ErrorCode.InvalidArgument, "y within 0..1000")]
    [InlineData(600f, 600f, ErrorCode.MoveRejected, "the limit is 10 units/s")]
    public async Task Move_ThatBreaksTheRules_IsCorrectedAndThePlayerStaysPut(float x, float y, ErrorCode code, string expected)
    {
        await using var mover = await Cluster.ConnectAsync();
        await using var watcher = await Cluster.ConnectAsync();
        var (character, _) = await mover.CreateAndEnterAsync("Cheat");
        await watcher.CreateAndEnterAsync("Judge");

        await mover.MoveAsync(x, y);

        Assert.True(await GameClient.EventuallyAsync(() => !mover.Corrections.IsEmpty, TimeSpan.FromSeconds(10)), "no correction came back");
        var correction = Assert.Single(mover.Corrections);
        Assert.Equal(code, correction.Error.Code);
        Assert.Contains(expected, correction.Error.Message, StringComparison.Ordinal);
        Assert.Equal((500f, 500f), (correction.X, correction.Y));

        // A legal move afterwards still works and is what the others see.
        await mover.MoveAsync(501f, 500f);
        Assert.True(await GameClient.EventuallyAsync(() => watcher.HasSeen(character.Id, 501f, 500f), TimeSpan.FromSeconds(10)));
        Assert.False(watcher.HasSeen(character.Id, x, y), "the refused position reached another player");
    }

    [Fact]
    public async Task Move_BeforeEnteringTheWorld_AnswersNotInWorld()
    {
        await using var client = await Cluster.ConnectAsync();

        await client.MoveAsync(1f, 1f);

        Assert.True(await GameClient.EventuallyAsync(() => !client.Errors.IsEmpty, TimeSpan.FromSeconds(10)));
        Assert.Equal(ErrorCode.NotInWorld, Assert.Single(client.Errors).Code);
    }

    [Fact]
    public async Task EnterWorld_Twice_OnOneConnection_IsRefusedWithAlreadyInWorld()
    {
        await using var client = await Cluster.ConnectAsync();
        var (character, _) = await client.CreateAndEnterAsync("Twice");

        var again = await client.EnterWorldAsync(character.Id);

        Assert.Equal(ErrorCode.AlreadyInWorld, again.Error!.Code);
    }
}
