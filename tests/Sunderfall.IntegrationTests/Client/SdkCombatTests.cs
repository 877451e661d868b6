using Sunderfall.Client;
using Sunderfall.IntegrationTests.Infrastructure;
using Xunit;

namespace Sunderfall.IntegrationTests.Client;

/// <summary>
/// The client SDK in a fight, on a one-silo cluster of the proving grounds: a warrior starts 2 units from a straw dummy
/// that dies to one blow and always pays 10 experience, 3 gold and a wolf pelt.
/// </summary>
public sealed class SdkCombatTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    // Content/abilities/player.json: cleave, a warrior's area strike, costs 15 resource.
    private const string Cleave = "cleave";
    private const int CleaveCost = 15;

    private GameCluster cluster = null!;

    public async Task InitializeAsync() =>
        cluster = await GameCluster.StartAsync("sdk-fight", siloCount: 1, ProvingGrounds.SiloSettings(ProvingGrounds.CreateContentDirectory()));

    public async Task DisposeAsync() => await cluster.DisposeAsync();

    [Fact]
    public async Task KillingTheDummy_RaisesCombatReceived_VitalsChangedWithTheCostPaid_AndRewardReceivedWithTheLoot()
    {
        await using var player = await SdkPlayer.PlayingAsync(cluster, "Fight");
        Assert.Equal(ProvingGrounds.Zone, player.Zone.Template);
        Assert.True(
            await GameClient.EventuallyAsync(() => player.Client.World.FindByName(ProvingGrounds.Dummy) is not null, Wait),
            "the client never saw the dummy");
        var dummy = player.Client.World.FindByName(ProvingGrounds.Dummy)!.Value;
        var self = player.Zone.SelfNetId;

        var sequence = await player.Client.UseAbilityAsync(Cleave, dummy.NetId);

        Assert.True(sequence > 0, "the ability was not sent");
        Assert.True(
            await GameClient.EventuallyAsync(() => !player.Rewards.IsEmpty, Wait),
            $"no reward came; errors: {string.Join("; ", player.Errors.Select(e => $"{e.Code} {e.Message}"))}");

        // Combat: the cleave used by the player, its damage to the dummy and the dummy's death (kinds 2, 3 and 5).
        var combat = player.CombatEvents.ToArray();
        Assert.Contains(combat, e => e is { Kind: 2, AbilityId: Cleave } && e.SourceNetId == self);
        Assert.Contains(combat, e => e is { Kind: 3, AbilityId: Cleave, Amount: > 0 } && e.SourceNetId == self && e.TargetNetId == dummy.NetId);
        Assert.Contains(combat, e => e.Kind == 5 && e.TargetNetId == dummy.NetId);

        // Vitals: the resource the cleave cost, from a full bar.
        Assert.True(
            await GameClient.EventuallyAsync(() => player.Vitals.Any(v => v.Resource <= v.MaxResource - CleaveCost), Wait),
            $"no Vitals showed the cleave's cost; vitals: {string.Join(", ", player.Vitals.Select(v => $"{v.Resource}/{v.MaxResource}"))}");
        Assert.False(player.Vitals.First(v => v.Resource <= v.MaxResource - CleaveCost).Dead);

        // Reward: the dummy's fixed pay, and the sheet that came with it already holds it.
        var reward = Assert.Single(player.Rewards);
        Assert.Equal((ProvingGrounds.ExperiencePerKill, ProvingGrounds.GoldPerKill), (reward.Experience, reward.Gold));
        var loot = Assert.Single(reward.Items);
        Assert.Equal((ProvingGrounds.Loot, 1), (loot.ItemId, loot.Count));
        Assert.NotNull(reward.Sheet);
        Assert.Equal(ProvingGrounds.GoldPerKill, reward.Sheet.Gold);
        Assert.Contains(reward.Sheet.Bag, i => i.ItemId == ProvingGrounds.Loot && i.Count == 1);
        var sheet = (await player.Client.GetCharacterSheetAsync()).ValueOrThrow();
        Assert.Equal((reward.Sheet.Gold, reward.Sheet.Experience), (sheet.Gold, sheet.Experience));
        Assert.Empty(player.Errors);
    }
}
