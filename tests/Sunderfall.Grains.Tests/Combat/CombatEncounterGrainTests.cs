using System.Text.Json;
using Sunderfall.Grains.Combat;
using Sunderfall.Grains.Interfaces.Combat;
using Sunderfall.Grains.Interfaces.Players;
using Sunderfall.Grains.Tests.Rewards;
using Sunderfall.Grains.Transactions;
using Xunit;

namespace Sunderfall.Grains.Tests.Combat;

[Collection(ClusterCollectionDefinition.Name)]
public sealed class CombatEncounterGrainTests(ClusterFixture fixture)
{
    private readonly IClusterClient client = fixture.Client;

    [Fact]
    public async Task SettleAsync_Twice_CommitsTheEncounterOnce_WithOneEncounterEntryForThePlayerWhoTookPart()
    {
        var player = Guid.NewGuid();
        var record = WolfKilledBy(player, seed: 42);
        var grain = client.GetGrain<ICombatEncounterGrain>(record.EncounterId);

        await grain.SettleAsync(record);
        await grain.SettleAsync(record);
        var stored = await Eventually.AskUntilFoundAsync(grain.GetAsync, TestWorld.Patience);

        Assert.NotNull(stored);
        Assert.Equal(Json(record), Json(stored));
        var pending = await InMemoryRewardLedger.Shared.PendingGrantsAsync(player);
        Assert.Equal(record.EncounterId, Assert.Single(pending).EncounterId);
        var ended = Assert.Single(InMemoryRewardLedger.Shared.LoggedOf(player), e => e.Kind == TransactionKinds.EncounterEnded);
        Assert.Equal((record.EncounterId, TestWorld.StartInstance), (ended.EncounterId!.Value, ended.ZoneId));
        Assert.Equal(["wolf"], (IEnumerable<string>)ended.Details!["kills"]!);
    }

    [Fact]
    public async Task ReplayAsync_OfACommittedEncounter_IsIdentical_AndOfAnUnknownOneIsNotFound()
    {
        var record = WolfKilledBy(Guid.NewGuid(), seed: 7);
        var grain = client.GetGrain<ICombatEncounterGrain>(record.EncounterId);
        await grain.SettleAsync(record);
        await Eventually.AskUntilFoundAsync(grain.GetAsync, TestWorld.Patience);

        var replay = await grain.ReplayAsync();
        var unknown = await client.GetGrain<ICombatEncounterGrain>(Guid.NewGuid()).ReplayAsync();

        Assert.Equal(new EncounterReplayResult(true, true, null), replay);
        Assert.False(unknown.Found);
    }

    [Fact]
    public async Task SettleAsync_ForARecordOfAnotherEncounter_CommitsNothing()
    {
        var record = WolfKilledBy(Guid.NewGuid(), seed: 3);
        var grain = client.GetGrain<ICombatEncounterGrain>(Guid.NewGuid());

        await grain.SettleAsync(record);
        await Task.Delay(300);

        Assert.Null(await grain.GetAsync());
        Assert.Null(await InMemoryRewardLedger.Shared.GetEncounterAsync(record.EncounterId));
    }

    [Fact]
    public async Task SettleAsync_ForAnExistingCharacter_EndsWithTheRewardOnItsSheet_Once()
    {
        var id = Guid.NewGuid();
        var player = client.GetGrain<IPlayerGrain>(id);
        var created = await player.CreateAsync(new CreateCharacterRequest(TestWorld.UniqueName(), CharacterClass.Ranger, TestWorld.Owner));
        Assert.True(created.IsSuccess, created.Error?.Message);
        var record = WolfKilledBy(id, seed: 11);
        var grant = Assert.Single(record.Grants);

        await client.GetGrain<ICombatEncounterGrain>(record.EncounterId).SettleAsync(record);
        await client.GetGrain<ICombatEncounterGrain>(record.EncounterId).SettleAsync(record);
        var sheet = await Eventually.AskUntilFoundAsync(
            async () => await player.GetSheetAsync() is { Gold: > 0 } s ? s : null, TestWorld.Patience);
        await player.CollectRewardsAsync();
        await Task.Delay(300);
        sheet = await player.GetSheetAsync();

        Assert.NotNull(sheet);
        Assert.Equal(grant.Gold, sheet.Gold);
        Assert.Equal(grant.Items.Sum(i => i.Count), sheet.Bag.Sum(i => i.Count));
        Assert.Empty(await InMemoryRewardLedger.Shared.PendingGrantsAsync(id));
    }

    // An encounter in Ashen Vale in which the player strikes a wolf (repository content) three times and kills it.
    private static EncounterRecord WolfKilledBy(Guid player, int seed)
    {
        var content = RepositoryContent.Catalog;
        var encounter = new CombatEncounter(Guid.NewGuid(), TestWorld.StartInstance, seed, startTick: 1);
        encounter.AddMonster(5);
        encounter.AddParticipant(player, 7, "Hunter");
        for (var tick = 2; tick <= 4; tick++)
        {
            encounter.Resolve(tick, 7, content.Abilities["strike"], 10, [(5, 4)]);
        }

        encounter.RecordKill(5, 5, "wolf", [player]);
        return encounter.Finish(6, DateTimeOffset.UtcNow, content);
    }

    private static string Json(EncounterRecord record) => JsonSerializer.Serialize(record, CombatEncounterGrain.RecordJson);
}
