using Sunderfall.IntegrationTests.Infrastructure;
using Xunit;

namespace Sunderfall.IntegrationTests.Game;

/// <summary>Kills a silo with SIGKILL, so this collection runs a cluster of its own.</summary>
public sealed class SiloLossTests : IAsyncLifetime
{
    private GameCluster cluster = null!;

    public async Task InitializeAsync() => cluster = await GameCluster.StartAsync("loss", siloCount: 2);

    public async Task DisposeAsync() => await cluster.DisposeAsync();

    [Fact]
    public async Task KillingTheZonesSilo_PlayersCarryOnThroughTheSurvivor_WithTheirStateInPostgres()
    {
        var wait = TimeSpan.FromSeconds(15);
        await using var walker = await cluster.ConnectAsync();
        await using var watcher = await cluster.ConnectAsync();
        var (walkerCharacter, zone) = await walker.CreateAndEnterAsync("Brave");
        var (watcherCharacter, _) = await watcher.CreateAndEnterAsync("Steady");
        Assert.True(await GameClient.EventuallyAsync(() => watcher.Find(walkerCharacter.Name) is not null, wait));

        // Kill the silo that hosts the zone: the live positions die with it.
        var zonePort = await cluster.FindSiloPortOfAsync(Orleans.Runtime.GrainId.Create("zone", zone.ZoneId));
        Assert.NotNull(zonePort);
        var victim = cluster.Silos.Single(s => s.SiloPort == zonePort).Process;
        victim.Kill();
        Assert.True(victim.HasExited);

        // The walker keeps walking north (re-sending its input, as a client does after errors) until the watcher
        // sees it move past where it stood.
        var seen = false;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (!seen && DateTime.UtcNow < deadline)
        {
            await walker.MoveAsync(0f, 1f);
            seen = await GameClient.EventuallyAsync(() => watcher.Find(walkerCharacter.Name) is { Y: > 505f }, TimeSpan.FromMilliseconds(500));
        }

        await walker.MoveAsync(0f, 0f);
        Assert.True(seen, $"after the silo was killed the watcher never saw the walker move again:\n{cluster.Frontend.Tail()}");
        await walker.WaitUntilStillAsync(wait);

        var left = await walker.LeaveWorldAsync();
        Assert.True(left.Ok, left.Error?.Message);

        var walkerRow = await cluster.ReadCharacterRowAsync(walkerCharacter.Name);
        Assert.NotNull(walkerRow);
        Assert.Equal(walkerCharacter.Name, walkerRow.Value.GetProperty("Name").GetString());
        Assert.Equal(1, walkerRow.Value.GetProperty("Level").GetInt32());
        Assert.Equal(zone.ZoneId, walkerRow.Value.GetProperty("ZoneId").GetString());
        Assert.Equal(left.Value!.X, walkerRow.Value.GetProperty("X").GetSingle());
        Assert.Equal(left.Value.Y, walkerRow.Value.GetProperty("Y").GetSingle());
        Assert.True(left.Value.Y > 505f);
        var watcherRow = await cluster.ReadCharacterRowAsync(watcherCharacter.Name);
        Assert.NotNull(watcherRow);
        Assert.Equal(watcherCharacter.Name, watcherRow.Value.GetProperty("Name").GetString());
    }

    [Fact]
    public async Task KillingTheTargetZonesSilo_AsAPlayerWalksThroughAPortal_LosesAndDuplicatesNoOne()
    {
        var wait = TimeSpan.FromSeconds(15);
        await using var traveller = await cluster.ConnectAsync();
        var (character, start) = await traveller.CreateAndEnterAsync("Doomed");
        Assert.True(await GameClient.EventuallyAsync(() => traveller.Self() is not null, wait));

        // The target zone lives on the other silo, which dies just before the traveller reaches the portal.
        var startPort = await cluster.FindSiloPortOfAsync(Orleans.Runtime.GrainId.Create("zone", start.ZoneId));
        var (victim, victimPort) = cluster.Silos.Single(s => s.SiloPort != startPort);
        await cluster.ActivateZoneOnSiloAsync("mirefen/1", victimPort);
        var neared = await traveller.WalkUntilAsync(1f, 0f, () => traveller.Self() is { X: > 860f }, TimeSpan.FromSeconds(40));
        Assert.True(neared, $"never neared the portal: at {traveller.Self()}, {traveller.DeltasApplied} deltas, errors: {string.Join("; ", traveller.Errors.Select(e => e.Message))}");
        victim.Kill();

        // Wherever it ends up - through the portal, or back where the saved character says it is if the transfer
        // died with the silo - it must be in exactly one zone, see itself there and move, and PostgreSQL must agree.
        Assert.True(await GameClient.EventuallyAsync(
            () => traveller.Zone?.Template == "mirefen" || !traveller.ZoneChanges.IsEmpty,
            TimeSpan.FromSeconds(60)), $"the traveller was never placed anywhere after the silo died:\n{cluster.Frontend.Tail()}");
        await traveller.MoveAsync(0f, 0f);
        Assert.True(await GameClient.EventuallyAsync(() => traveller.Self() is not null, wait), "the traveller does not see itself");
        var zone = traveller.Zone!;
        var row = await cluster.ReadCharacterRowAsync(character.Name);
        Assert.Equal(zone.ZoneId, row!.Value.GetProperty("ZoneId").GetString());

        // Walks like a client: an input sent while the cluster is still settling can be refused (Unavailable) and is
        // sent again, as the portal tests do.
        var here = traveller.Self()!.Value;
        var moved = await traveller.WalkUntilAsync(0f, 1f, () => traveller.Self() is { } now && now.Y > here.Y + 2f, wait);
        Assert.True(moved, $"the traveller cannot move: from {here} to {traveller.Self()}, errors: {string.Join("; ", traveller.Errors.Select(e => $"{e.Code} {e.Message}"))}");
        await traveller.MoveAsync(0f, 0f);

        var inStart = (await cluster.ZoneStatusAsync(start.ZoneId)).Players;
        var inTarget = (await cluster.ZoneStatusAsync("mirefen/1")).Players;
        Assert.Equal(1, inStart + inTarget);
        Assert.Equal(1, zone.Template == "mirefen" ? inTarget : inStart);
        Assert.Null(traveller.ApplyFailure);
    }
}
