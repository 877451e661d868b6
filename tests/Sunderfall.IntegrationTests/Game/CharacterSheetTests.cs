using Sunderfall.IntegrationTests.Infrastructure;
using Xunit;
using ErrorCode = Sunderfall.Protocol.Errors.ErrorCode;

namespace Sunderfall.IntegrationTests.Game;

/// <summary>The character sheet and the bag over the real wire.</summary>
[Collection(SharedClusterDefinition.Name)]
public sealed class CharacterSheetTests(SharedClusterFixture fixture)
{
    private GameCluster Cluster => fixture.Cluster;

    [Theory]
    [InlineData("json")]
    [InlineData("messagepack")]
    public async Task GetCharacterSheet_ForAFreshCharacter_ShowsLevelOneNoGoldAndAnEmptyBag(string protocol)
    {
        await using var client = await Cluster.ConnectAsync(protocol);
        var (character, _) = await client.CreateAndEnterAsync("Sheet", "ranger");

        var sheet = await client.GetCharacterSheetAsync();

        Assert.True(sheet.Ok, sheet.Error?.Message);
        var value = sheet.Value!;
        Assert.Equal((character.Id, character.Name, "ranger"), (value.Id, value.Name, value.Class));
        Assert.Equal((1, 0L, 0L), (value.Level, value.Experience, value.Gold));
        Assert.True(value.ExperienceToNextLevel > 0);
        Assert.Empty(value.Bag);
        Assert.True(value.BagCapacity > 0);
        Assert.Empty(value.Equipped);
        Assert.Empty(value.Overflow);
        Assert.True(value.Stats.MaxHealth > 0, "a fresh character has no health");
        Assert.True(value.Stats.Agility > 0, "a fresh ranger has no agility");
    }

    [Fact]
    public async Task EquipItem_FromAnEmptyBagSlot_IsRefusedWithNotFound()
    {
        await using var client = await Cluster.ConnectAsync();
        await client.CreateAndEnterAsync("Bare");

        var equipped = await client.EquipItemAsync(0);

        Assert.False(equipped.Ok);
        Assert.Equal(ErrorCode.NotFound, equipped.Error!.Code);
        Assert.Contains("bag slot 0 is empty", equipped.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ItemCalls_OnASlotBeyondTheBag_AreRefusedWithTheBagsRange()
    {
        await using var client = await Cluster.ConnectAsync();
        await client.CreateAndEnterAsync("Reach");
        var capacity = (await client.GetCharacterSheetAsync()).Value!.BagCapacity;

        var equipped = await client.EquipItemAsync(capacity);
        var used = await client.UseItemAsync(capacity);
        var discarded = await client.DiscardItemAsync(capacity, 1);

        Assert.All(new[] { equipped.Error, used.Error, discarded.Error }, error =>
        {
            Assert.Equal(ErrorCode.InvalidArgument, error!.Code);
            Assert.Contains($"slots are 0..{capacity - 1}", error.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task UseAndDiscard_OfAnEmptyBagSlot_AreRefusedWithNotFound()
    {
        await using var client = await Cluster.ConnectAsync();
        await client.CreateAndEnterAsync("Empty");

        var used = await client.UseItemAsync(3);
        var discarded = await client.DiscardItemAsync(3, 1);

        Assert.Equal(ErrorCode.NotFound, used.Error!.Code);
        Assert.Equal(ErrorCode.NotFound, discarded.Error!.Code);
    }

    [Theory]
    [InlineData("weapon", ErrorCode.NotFound, "nothing is worn in weapon")]
    [InlineData("Weapon", ErrorCode.NotFound, "nothing is worn in weapon")]
    [InlineData("tail", ErrorCode.InvalidArgument, "slots are weapon, head, chest, legs, feet, hands, ring")]
    [InlineData("a-very-long-slot-name", ErrorCode.InvalidArgument, "1-16 characters")]
    [InlineData(null, ErrorCode.InvalidArgument, "1-16 characters")]
    public async Task UnequipItem_OfASlotWithNothingWornOrNoSuchSlot_IsRefusedSayingWhy(string? slot, ErrorCode code, string expected)
    {
        await using var client = await Cluster.ConnectAsync();
        await client.CreateAndEnterAsync("Strip");

        var unequipped = await client.UnequipItemAsync(slot);

        Assert.Equal(code, unequipped.Error!.Code);
        Assert.Contains(expected, unequipped.Error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1, 1, "bagSlot is -1")]
    [InlineData(1001, 1, "bagSlot is 1001")]
    [InlineData(0, 0, "count is 0; it must be 1-10000")]
    [InlineData(0, 10_001, "count is 10001; it must be 1-10000")]
    public async Task DiscardItem_WithArgumentsOutOfRange_IsRefusedAtTheHub(int bagSlot, int count, string expected)
    {
        await using var client = await Cluster.ConnectAsync();
        await client.CreateAndEnterAsync("Toss");

        var discarded = await client.DiscardItemAsync(bagSlot, count);

        Assert.Equal(ErrorCode.InvalidArgument, discarded.Error!.Code);
        Assert.Contains(expected, discarded.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SheetAndItemCalls_WithoutEnteringTheWorld_AnswerNotInWorld()
    {
        await using var client = await Cluster.ConnectAsync();
        var created = await client.CreateCharacterAsync(GameClient.UniqueName("Idle"), "mage");
        Assert.True(created.Ok, created.Error?.Message);

        var answers = new[]
        {
            (await client.GetCharacterSheetAsync()).Error,
            (await client.EquipItemAsync(0)).Error,
            (await client.UnequipItemAsync("weapon")).Error,
            (await client.UseItemAsync(0)).Error,
            (await client.DiscardItemAsync(0, 1)).Error,
        };

        Assert.All(answers, error =>
        {
            Assert.Equal(ErrorCode.NotInWorld, error!.Code);
            Assert.Contains("enter the world", error.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task GetCharacterSheet_AfterLeavingTheWorld_AnswersNotInWorld()
    {
        await using var client = await Cluster.ConnectAsync();
        await client.CreateAndEnterAsync("Gone");
        Assert.True((await client.LeaveWorldAsync()).Ok);

        var sheet = await client.GetCharacterSheetAsync();

        Assert.Equal(ErrorCode.NotInWorld, sheet.Error!.Code);
    }
}
