using System.Text.Json;
using Sunderfall.Grains.Interfaces.Inventory;
using Sunderfall.Grains.Interfaces.Rewards;
using Sunderfall.Grains.Rewards;
using Sunderfall.Silo.Rewards;
using Sunderfall.Silo.Tests.Database;
using Sunderfall.Stores.Support;
using Xunit;

namespace Sunderfall.Silo.Tests.Reconciliation;

[Collection(PostgresCollectionDefinition.Name)]
public sealed class ResourceReconcilerTests(PostgresDatabase database)
{
    private readonly PostgresRewardLedger ledger = new(database.AppDataSource);
    private readonly ResourceReconciler reconciler = new(database.AppDataSource);

    [Fact]
    public async Task RunAsync_CharacterHoldingMoreThanItWasGranted_IsFlaggedForEachSuchResource()
    {
        var (player, account) = (Guid.NewGuid(), Guid.NewGuid());
        await GrantAsync(player, gold: 100, delivered: true, new ItemCount("wolf-pelt", 3), new ItemCount("rusty-sword", 1));
        await PlayerRows.WriteAsync(database, player, Character(account, gold: 250,
            bag: [new { Slot = 0, ItemId = "wolf-pelt", Count = 3 }, new { Slot = 4, ItemId = "wolf-pelt", Count = 2 }],
            equipped: new() { ["weapon"] = "rusty-sword" },
            overflow: [new { ItemId = "rusty-sword", Count = 1 }]));

        var found = Of(player, await reconciler.RunAsync(PlayerRows.ServiceId));

        Assert.Equal(
            [("gold", "250", "100"), ("item:rusty-sword", "2", "1"), ("item:wolf-pelt", "5", "3")],
            found.Select(d => (d.Resource, d.Held, d.Granted)));
        Assert.All(found, d => Assert.True(d.NewFlag));
        Assert.All(found, d => Assert.Equal(account, d.AccountId));
        var flags = await FlagsAsync(player);
        Assert.Equal(3, flags.Count);
        Assert.All(flags, f => Assert.Equal((short)3, f.Severity));
        Assert.All(flags, f => Assert.Equal(account, f.AccountId));
        var sword = flags.Single(f => f.Details.GetProperty("resource").GetString() == "item:rusty-sword");
        Assert.Equal("rusty-sword", sword.Details.GetProperty("item").GetString());
        Assert.Equal("2", sword.Details.GetProperty("held").GetString());
        Assert.Equal("1", sword.Details.GetProperty("granted").GetString());
        Assert.Equal(found.Single(d => d.Resource == "item:rusty-sword").FlagId, sword.Id);
    }

    [Fact]
    public async Task RunAsync_CharacterHoldingAtMostWhatItWasGranted_IsNotFlagged()
    {
        var player = Guid.NewGuid();
        // Granted over two encounters, one not yet delivered: granted counts, delivered or not.
        await GrantAsync(player, gold: 100, delivered: true, new ItemCount("wolf-pelt", 3), new ItemCount("leather-cap", 1));
        await GrantAsync(player, gold: 50, delivered: false, new ItemCount("minor-potion", 4));
        // Spent some gold, discarded a pelt, drank two potions, wears the cap.
        await PlayerRows.WriteAsync(database, player, Character(Guid.NewGuid(), gold: 150,
            bag: [new { Slot = 0, ItemId = "wolf-pelt", Count = 2 }, new { Slot = 1, ItemId = "minor-potion", Count = 2 }],
            equipped: new() { ["head"] = "leather-cap" },
            overflow: []));

        var found = Of(player, await reconciler.RunAsync(PlayerRows.ServiceId));

        Assert.Empty(found);
        Assert.Empty(await FlagsAsync(player));
    }

    [Fact]
    public async Task RunAsync_AgainWithinADay_ReportsTheSameDiscrepancyWithoutFlaggingItAgain()
    {
        var player = Guid.NewGuid();
        await PlayerRows.WriteAsync(database, player, Character(Guid.NewGuid(), gold: 1_000_000, bag: [], equipped: [], overflow: []));

        var first = Of(player, await reconciler.RunAsync(PlayerRows.ServiceId));
        var second = Of(player, await reconciler.RunAsync(PlayerRows.ServiceId));
        await PlayerRows.WriteAsync(database, player, Character(Guid.NewGuid(), gold: 1_000_000,
            bag: [new { Slot = 0, ItemId = "boar-tusk", Count = 20 }], equipped: [], overflow: []));
        var third = Of(player, await reconciler.RunAsync(PlayerRows.ServiceId));

        var gold = Assert.Single(first);
        Assert.True(gold.NewFlag);
        var again = Assert.Single(second);
        Assert.False(again.NewFlag);
        Assert.Equal(gold.FlagId, again.FlagId);
        Assert.Equal([("gold", false), ("item:boar-tusk", true)], third.Select(d => (d.Resource, d.NewFlag)));
        Assert.Equal(2, (await FlagsAsync(player)).Count);
    }

    [Fact]
    public async Task RunAsync_OddlyShapedState_CountsWhatItCanAndNeverFails()
    {
        var player = Guid.NewGuid();
        await PlayerRows.WriteAsync(database, player, new
        {
            Name = "Odd",
            OwnerAccountId = "not-a-guid",
            Gold = "a lot",
            Bag = new object[] { 7, new { Slot = 0, Count = 5 }, new { Slot = 1, ItemId = "bog-moss", Count = -4 }, new { Slot = 2, ItemId = "boar-tusk" } },
            Equipped = new object[] { "rusty-sword" },
            Overflow = "none",
        });

        var found = Of(player, await reconciler.RunAsync(PlayerRows.ServiceId));

        // A stack without a count is one item; a negative count is none; the rest is not understood and ignored.
        var tusk = Assert.Single(found);
        Assert.Equal(("item:boar-tusk", "1", "0", (Guid?)null), (tusk.Resource, tusk.Held, tusk.Granted, tusk.AccountId));
    }

    [Fact]
    public async Task RunAsync_ForOneService_LeavesOtherServicesCharactersAlone()
    {
        var player = Guid.NewGuid();
        await PlayerRows.WriteAsync(database, player, Character(Guid.NewGuid(), gold: 5, bag: [], equipped: [], overflow: []), serviceId: "another-service");

        var mine = Of(player, await reconciler.RunAsync(PlayerRows.ServiceId));
        var theirs = Of(player, await reconciler.RunAsync("another-service"));

        Assert.Empty(mine);
        Assert.Single(theirs);
    }

    private static object Character(Guid account, long gold, object[] bag, Dictionary<string, string> equipped, object[] overflow) => new
    {
        Name = "Hoarder",
        Class = 0,
        Level = 3,
        ZoneId = "ashen-vale",
        OwnerAccountId = account,
        Experience = 10L,
        Gold = gold,
        Bag = bag,
        Equipped = equipped,
        Overflow = overflow,
        AppliedGrantIds = Array.Empty<string>(),
    };

    private static List<ResourceDiscrepancy> Of(Guid player, IReadOnlyList<ResourceDiscrepancy> found) =>
        [.. found.Where(d => d.PlayerId == player).OrderBy(d => d.Resource, StringComparer.Ordinal)];

    private async Task GrantAsync(Guid player, long gold, bool delivered, params ItemCount[] items)
    {
        var encounter = Guid.NewGuid();
        var at = DateTimeOffset.UtcNow;
        await ledger.CommitAsync(new EncounterCommit(encounter, "ashen-vale/1", at, "{}", [new RewardGrant(encounter, player, 10, gold, items, at)]));
        if (delivered)
        {
            await ledger.MarkDeliveredAsync(encounter, player);
        }
    }

    private async Task<List<(long Id, Guid? AccountId, short Severity, JsonElement Details)>> FlagsAsync(Guid player)
    {
        await using var command = database.OwnerDataSource.CreateCommand(
            "SELECT id, account_id, severity, details::text FROM cheat_flags WHERE player_id = @p AND kind = @kind ORDER BY id");
        command.Parameters.AddWithValue("p", player);
        command.Parameters.AddWithValue("kind", ResourceReconciler.FlagKind);
        var flags = new List<(long, Guid?, short, JsonElement)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            using var details = JsonDocument.Parse(reader.GetString(3));
            flags.Add((reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetGuid(1), reader.GetInt16(2), details.RootElement.Clone()));
        }

        return flags;
    }
}
