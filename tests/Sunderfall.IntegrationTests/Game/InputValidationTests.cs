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
    [InlineData(1L, float.NaN, 0f, "finite")]
    [InlineData(1L, 0f, float.PositiveInfinity, "finite")]
    [InlineData(1L, 3f, 4f, "has length 5; it must be at most 1")]
    [InlineData(-5L, 1f, 0f, "sequence -5 is negative")]
    public async Task Move_WithAMalformedInput_IsRefusedAndThePlayerStaysPut(long sequence, float dirX, float dirY, string expected)
    {
        await using var mover = await Cluster.ConnectAsync();
        var (character, _) = await mover.CreateAndEnterAsync("Cheat");
        Assert.True(await GameClient.EventuallyAsync(() => mover.Self() is not null, TimeSpan.FromSeconds(10)));

        await mover.SendRawMoveAsync(sequence, dirX, dirY);

        Assert.True(await GameClient.EventuallyAsync(() => !mover.Errors.IsEmpty, TimeSpan.FromSeconds(10)), "no error came back");
        var error = Assert.Single(mover.Errors);
        Assert.Equal(ErrorCode.InvalidArgument, error.Code);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        await Task.Delay(300);
        Assert.Equal((500f, 500f), (mover.Self()!.Value.X, mover.Self()!.Value.Y));

        // A legal input afterwards still works.
        await mover.MoveAsync(1f, 0f);
        var moved = await GameClient.EventuallyAsync(() => mover.Self() is { X: > 501f }, TimeSpan.FromSeconds(10));
        await mover.MoveAsync(0f, 0f);
        Assert.True(moved, $"{character.Name} could not move after a refused input");
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
