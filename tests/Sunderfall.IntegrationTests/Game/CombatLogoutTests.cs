using Sunderfall.IntegrationTests.Infrastructure;
using Xunit;

namespace Sunderfall.IntegrationTests.Game;

/// <summary>
/// The combat logout, as a player would try it through the hub: leaving and entering again restores nothing, and a
/// player who leaves in combat leaves its body in the world for the logout delay (3 s here).
/// </summary>
public sealed class CombatLogoutTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private GameCluster cluster = null!;

    public async Task InitializeAsync()
    {
        var settings = ProvingGrounds.SiloSettings(ProvingGrounds.CreateContentDirectory());
        settings["SUNDERFALL_World__LogoutDelay"] = "00:00:03";
        cluster = await GameCluster.StartAsync("logout", siloCount: 1, settings);
    }

    public async Task DisposeAsync() => await cluster.DisposeAsync();

    [Fact]
    public async Task AClericWhoHealedItself_LeavesAndEntersAgain_AndItsResourceIsNotFullAgain()
    {
        var account = await cluster.RegisterAsync();
        string characterId;
        await using (var first = await cluster.ConnectAsync(account: account))
        {
            var (character, _) = await first.CreateAndEnterAsync("Cleric", "cleric");
            characterId = character.Id;
            await HealSelfAsync(first);
            var left = await first.LeaveWorldAsync();
            Assert.True(left.Ok, left.Error?.Message);
        }

        await using var again = await cluster.ConnectAsync(account: account);
        var entered = await again.EnterWorldAsync(characterId);
        Assert.True(entered.Ok, entered.Error?.Message);
        Assert.True(await GameClient.EventuallyAsync(() => again.Vitals is not null, Wait), "no vitals after entering again");

        Assert.True(again.Vitals!.Resource < again.Vitals.MaxResource, $"resource {again.Vitals.Resource}/{again.Vitals.MaxResource} after entering again");
    }

    [Fact]
    public async Task LeavingInCombat_LeavesTheBodyInTheZone_UntilTheLogoutDelayRunsOut()
    {
        await using var watcher = await cluster.ConnectAsync();
        await watcher.CreateAndEnterAsync("Eye");
        await using var cleric = await cluster.ConnectAsync();
        var (character, zone) = await cleric.CreateAndEnterAsync("Cleric", "cleric");
        Assert.True(await GameClient.EventuallyAsync(() => watcher.Find(character.Name) is not null, Wait), "the watcher never saw the cleric");
        await HealSelfAsync(cleric);
        // The test's own cluster client connects (a TLS handshake) before the 3 s logout delay starts, not within it.
        Assert.Equal(2, (await cluster.ZoneStatusAsync(zone.ZoneId)).Players);

        var left = await cleric.LeaveWorldAsync();
        var rightAfter = await cluster.ZoneStatusAsync(zone.ZoneId);
        var gone = await GameClient.EventuallyAsync(() => watcher.Find(character.Name) is null, Wait);
        var afterTheDelay = await cluster.ZoneStatusAsync(zone.ZoneId);

        Assert.True(left.Ok, left.Error?.Message);
        Assert.Equal(2, rightAfter.Players);
        Assert.True(gone, "the body never left the world");
        Assert.Equal(1, afterTheDelay.Players);
    }

    // A cleric's heal on itself (target 0): 1 s cast, 25 resource; waits until the cost shows in the vitals.
    private static async Task HealSelfAsync(GameClient client)
    {
        await client.UseAbilityAsync("heal", 0);
        Assert.True(
            await GameClient.EventuallyAsync(() => client.Vitals is { Casting: null } v && v.Resource < v.MaxResource, Wait),
            $"the heal's cost never showed; errors: {string.Join("; ", client.Errors.Select(e => $"{e.Code} {e.Message}"))}");
    }
}
