using Sunderfall.Content.Definitions;
using Sunderfall.Grains.Interfaces.Common;
using Sunderfall.Grains.Interfaces.Inventory;
using Sunderfall.Grains.Interfaces.Parties;
using Sunderfall.Grains.Interfaces.Players;
using Sunderfall.Grains.Tests.Transactions;
using Sunderfall.Grains.Tests.Zones;
using Sunderfall.Grains.Transactions;
using Xunit;

namespace Sunderfall.Grains.Tests.Players;

[Collection(ClusterCollectionDefinition.Name)]
public sealed class PlayerInventoryTests(ClusterFixture fixture)
{
    private readonly IClusterClient client = fixture.Client;

    [Fact]
    public async Task EquipAsync_WearsTheItemRaisesTheStatsAndTheProfileAndLogsIt()
    {
        var (id, player) = await CreateWithAsync(CharacterClass.Warrior, new ItemCount("rusty-sword", 1));

        var equipped = await player.EquipAsync(0);
        var profile = (await player.GetCombatProfileAsync())!;

        // A level 1 warrior has 12 strength; the Rusty Sword adds 2.
        Assert.True(equipped.IsSuccess, equipped.Error?.Message);
        Assert.Equal("rusty-sword", equipped.Value!.Equipped[EquipmentSlots.Weapon]);
        Assert.Empty(equipped.Value.Bag);
        Assert.Equal((14, 14), (equipped.Value.Stats.Strength, equipped.Value.Stats.Power));
        Assert.Equal(14, profile.Power);
        Assert.Equivalent(equipped.Value, await player.GetSheetAsync(), strict: true);
        var logged = Assert.Single(RecordingTransactionLog.Shared.Of(id), e => e.Kind == TransactionKinds.ItemEquipped);
        Assert.Equal(("rusty-sword", EquipmentSlots.Weapon), ((string)logged.Details!["item"]!, (string)logged.Details["slot"]!));
    }

    [Fact]
    public async Task EquipAsync_WhenTheSlotIsTaken_PutsTheWornItemBackInTheBag()
    {
        var (_, player) = await CreateWithAsync(CharacterClass.Warrior, new ItemCount("rusty-sword", 2));
        await player.EquipAsync(0);

        var swapped = await player.EquipAsync(1);

        Assert.True(swapped.IsSuccess, swapped.Error?.Message);
        Assert.Equal("rusty-sword", swapped.Value!.Equipped[EquipmentSlots.Weapon]);
        Assert.Equal([new InventoryItem(1, "rusty-sword", 1)], swapped.Value.Bag);
    }

    [Fact]
    public async Task EquipAsync_AMaterial_IsRefusedSayingOnlyEquipmentCanBeWorn()
    {
        var (_, player) = await CreateWithAsync(CharacterClass.Ranger, new ItemCount("wolf-pelt", 2));

        var refused = await player.EquipAsync(0);

        Assert.Equal(GameErrorCode.InventoryRule, refused.Error?.Code);
        Assert.Equal("Wolf Pelt in bag slot 0 is not equipment (material); only equipment can be worn", refused.Error!.Message);
        Assert.Empty((await player.GetSheetAsync())!.Equipped);
    }

    [Fact]
    public async Task EquipAsync_FromABagSlotThatDoesNotExist_IsRefusedNamingTheSlotsThatDo()
    {
        var (_, player) = await CreateWithAsync(CharacterClass.Ranger);

        var refused = await player.EquipAsync(31);

        Assert.Equal(new GameError(GameErrorCode.InvalidArgument, "bag slot 31 does not exist; slots are 0..23"), refused.Error);
    }

    [Fact]
    public async Task UnequipAsync_PutsTheItemBackInTheBagAndLowersTheStats()
    {
        var (id, player) = await CreateWithAsync(CharacterClass.Ranger, new ItemCount("leather-cap", 1));
        var worn = (await player.EquipAsync(0)).Value!;

        var unequipped = await player.UnequipAsync(EquipmentSlots.Head);

        // A level 1 ranger has 3 armor; the Leather Cap adds 2.
        Assert.Equal(5, worn.Stats.Armor);
        Assert.True(unequipped.IsSuccess, unequipped.Error?.Message);
        Assert.Equal(3, unequipped.Value!.Stats.Armor);
        Assert.Empty(unequipped.Value.Equipped);
        Assert.Equal([new InventoryItem(0, "leather-cap", 1)], unequipped.Value.Bag);
        Assert.Single(RecordingTransactionLog.Shared.Of(id), e => e.Kind == TransactionKinds.ItemUnequipped);
    }

    [Fact]
    public async Task UnequipAsync_WhenTheBagIsFull_IsRefusedAndKeepsTheItemWorn()
    {
        var (id, player) = await CreateWithAsync(CharacterClass.Cleric, new ItemCount("leather-cap", 1));
        await player.EquipAsync(0);
        await Grants.GiveAsync(player, Grants.For(id, items: new ItemCount("worn-boots", 24)));

        var refused = await player.UnequipAsync(EquipmentSlots.Head);

        Assert.Equal(new GameError(GameErrorCode.InventoryRule, "the bag is full (24 of 24 slots); free a bag slot to take off Leather Cap"), refused.Error);
        Assert.Equal("leather-cap", (await player.GetSheetAsync())!.Equipped[EquipmentSlots.Head]);
    }

    [Fact]
    public async Task DiscardAsync_DestroysThatManyOfTheStackAndLogsIt()
    {
        var (id, player) = await CreateWithAsync(CharacterClass.Mage, new ItemCount("wolf-pelt", 5));

        var discarded = await player.DiscardAsync(0, 2);

        Assert.True(discarded.IsSuccess, discarded.Error?.Message);
        Assert.Equal([new InventoryItem(0, "wolf-pelt", 3)], discarded.Value!.Bag);
        var logged = Assert.Single(RecordingTransactionLog.Shared.Of(id), e => e.Kind == TransactionKinds.ItemDiscarded);
        Assert.Equal(("wolf-pelt", 2, 3), ((string)logged.Details!["item"]!, (int)logged.Details["count"]!, (int)logged.Details["left"]!));
    }

    [Fact]
    public async Task DiscardAsync_MoreThanTheSlotHolds_IsRefusedSayingHowManyMayGo()
    {
        var (_, player) = await CreateWithAsync(CharacterClass.Mage, new ItemCount("wolf-pelt", 2));

        var refused = await player.DiscardAsync(0, 5);

        Assert.Equal(new GameError(GameErrorCode.InvalidArgument, "cannot discard 5 from bag slot 0: it holds 2 Wolf Pelt; discard 1..2"), refused.Error);
        Assert.Equal([new InventoryItem(0, "wolf-pelt", 2)], (await player.GetSheetAsync())!.Bag);
    }

    [Fact]
    public async Task UseItemAsync_OutsideTheWorld_IsRefusedAndKeepsThePotion()
    {
        var (_, player) = await CreateWithAsync(CharacterClass.Cleric, new ItemCount("minor-potion", 2));

        var refused = await player.UseItemAsync(0);

        Assert.Equal(GameErrorCode.InventoryRule, refused.Error?.Code);
        Assert.StartsWith("use potions in the world", refused.Error!.Message, StringComparison.Ordinal);
        Assert.Equal([new InventoryItem(0, "minor-potion", 2)], (await player.GetSheetAsync())!.Bag);
    }

    [Fact]
    public async Task UseItemAsync_InTheWorld_UsesOnePotionLogsTheHealAndTellsTheFrontend()
    {
        using var frontend = new TestFrontend(client);
        var (id, player) = await CreateWithAsync(CharacterClass.Cleric, new ItemCount("minor-potion", 2));
        await frontend.EnterAsync(player);

        var used = await player.UseItemAsync(0);
        var told = await frontend.WaitForEventAsync(id, "SheetChanged event", e => e.Kind == PlayerEventKind.SheetChanged);

        Assert.True(used.IsSuccess, used.Error?.Message);
        Assert.Equal([new InventoryItem(0, "minor-potion", 1)], used.Value!.Bag);
        Assert.Equivalent(used.Value, told.Sheet, strict: true);
        var logged = Assert.Single(RecordingTransactionLog.Shared.Of(id), e => e.Kind == TransactionKinds.ItemUsed);
        Assert.Equal(("minor-potion", 40), ((string)logged.Details!["item"]!, (int)logged.Details["heal"]!));
        await player.LeaveWorldAsync();
    }

    [Fact]
    public async Task UseItemAsync_OnEquipment_IsRefusedSayingOnlyConsumablesCanBeUsed()
    {
        var (_, player) = await CreateWithAsync(CharacterClass.Warrior, new ItemCount("worn-boots", 1));

        var refused = await player.UseItemAsync(0);

        Assert.Equal(
            new GameError(GameErrorCode.InventoryRule, "Worn Boots in bag slot 0 is not a consumable (equipment); only consumables can be used"),
            refused.Error);
    }

    [Fact]
    public async Task ItemRequests_ForACharacterThatDoesNotExist_AreRefusedWithCharacterNotFound()
    {
        var player = client.GetGrain<IPlayerGrain>(Guid.NewGuid());

        var results = new[]
        {
            await player.EquipAsync(0), await player.UnequipAsync(EquipmentSlots.Head), await player.UseItemAsync(0), await player.DiscardAsync(0, 1),
        };

        Assert.All(results, r => Assert.Equal(GameErrorCode.CharacterNotFound, r.Error?.Code));
        Assert.Null(await player.GetSheetAsync());
        Assert.Null(await player.GetCombatProfileAsync());
    }

    [Fact]
    public async Task OnPartyChangedAsync_PutsThePartyOnTheCombatProfileAndTakesItOffAgain()
    {
        var (id, player) = await CreateWithAsync(CharacterClass.Ranger);
        var party = new PartySnapshot(Guid.NewGuid(), id, [new PartyMember(id, "Leader")], 5);

        await player.OnPartyChangedAsync(party);
        var inParty = await Eventually.AskUntilFoundAsync(
            async () => await player.GetCombatProfileAsync() is { PartyId: not null } p ? p : null, TestWorld.Patience);
        await player.OnPartyChangedAsync(null);
        await Grants.AfterQueuedCallsAsync(player);

        Assert.Equal(party.PartyId, inParty?.PartyId);
        Assert.Null((await player.GetCombatProfileAsync())!.PartyId);
    }

    private async Task<(Guid Id, IPlayerGrain Player)> CreateWithAsync(CharacterClass characterClass, params ItemCount[] items)
    {
        var id = Guid.NewGuid();
        var player = client.GetGrain<IPlayerGrain>(id);
        var created = await player.CreateAsync(new CreateCharacterRequest(TestWorld.UniqueName(), characterClass, TestWorld.Owner));
        Assert.True(created.IsSuccess, created.Error?.Message);
        if (items.Length > 0)
        {
            await Grants.GiveAsync(player, Grants.For(id, items: items));
        }

        return (id, player);
    }
}
