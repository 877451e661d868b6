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
        await using var walker = await cluster.ConnectAsync();
        await using var watcher = await cluster.ConnectAsync();
        var (walkerCharacter, _) = await walker.CreateAndEnterAsync("Brave");
        var (watcherCharacter, _) = await watcher.CreateAndEnterAsync("Steady");
        await walker.MoveAsync(502f, 500f);
        Assert.True(await GameClient.EventuallyAsync(() => watcher.HasSeen(walkerCharacter.Id, 502f, 500f), TimeSpan.FromSeconds(10)));

        // Kill the silo that hosts the zone: the live positions die with it.
        var zonePort = await cluster.FindSiloPortOfAsync(Orleans.Runtime.GrainId.Create("zone", "ashen-vale"));
        Assert.NotNull(zonePort);
        var victim = cluster.Silos.Single(s => s.SiloPort == zonePort).Process;
        victim.Kill();
        Assert.True(victim.HasExited);

        // The walker keeps walking (as a player would, adopting any correction) until the watcher sees a step.
        var (x, y) = (502f, 500f);
        var seen = false;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (!seen && DateTime.UtcNow < deadline)
        {
            if (walker.Corrections.TryDequeue(out var correction))
            {
                (x, y) = (correction.X, correction.Y);
            }

            x += 1f;
            await walker.MoveAsync(x, y);
            seen = await GameClient.EventuallyAsync(() => watcher.HasSeen(walkerCharacter.Id, x, y), TimeSpan.FromMilliseconds(500));
        }

        Assert.True(seen, $"after the silo was killed the watcher never saw the walker move again:\n{cluster.Frontend.Tail()}");

        var left = await walker.LeaveWorldAsync();
        Assert.True(left.Ok, left.Error?.Message);
        Assert.Equal((x, y), (left.Value!.X, left.Value.Y));

        var walkerRow = await cluster.ReadCharacterRowAsync(walkerCharacter.Name);
        Assert.NotNull(walkerRow);
        Assert.Equal(walkerCharacter.Name, walkerRow.Value.GetProperty("Name").GetString());
        Assert.Equal(1, walkerRow.Value.GetProperty("Level").GetInt32());
        Assert.Equal("ashen-vale", walkerRow.Value.GetProperty("ZoneId").GetString());
        Assert.Equal(x, walkerRow.Value.GetProperty("X").GetSingle());
        Assert.Equal(y, walkerRow.Value.GetProperty("Y").GetSingle());
        var watcherRow = await cluster.ReadCharacterRowAsync(watcherCharacter.Name);
        Assert.NotNull(watcherRow);
        Assert.Equal(watcherCharacter.Name, watcherRow.Value.GetProperty("Name").GetString());
    }
}
