using Sunderfall.IntegrationTests.Infrastructure;
using Xunit;

namespace Sunderfall.IntegrationTests.Game;

[Collection(SharedClusterDefinition.Name)]
public sealed class PortalTests(SharedClusterFixture fixture)
{
    private GameCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task WalkingIntoAPortal_MovesThePlayerToTheTargetZoneOnTheOtherSilo_Once()
    {
        await using var traveller = await Cluster.ConnectAsync();
        await using var stayer = await Cluster.ConnectAsync();
        var (character, start) = await traveller.CreateAndEnterAsync("Gate");
        await stayer.CreateAndEnterAsync("Home");

        // Put the target zone on the silo that does not host the start zone, so the transfer crosses silos.
        var startPort = await Cluster.FindSiloPortOfAsync(Orleans.Runtime.GrainId.Create("zone", start.ZoneId));
        Assert.NotNull(startPort);
        var otherPort = Cluster.Silos.Select(s => s.SiloPort).Single(p => p != startPort);
        await Cluster.ActivateZoneOnSiloAsync("mirefen/1", otherPort);
        Assert.Equal(otherPort, await Cluster.FindSiloPortOfAsync(Orleans.Runtime.GrainId.Create("zone", "mirefen/1")));

        // East along y = 500 to the portal at (900, 500).
        var arrived = await traveller.WalkUntilAsync(1f, 0f, () => traveller.Zone?.Template == "mirefen", TimeSpan.FromSeconds(40));
        await traveller.MoveAsync(0f, 0f);

        Assert.True(arrived, $"the traveller never reached mirefen:\n{Cluster.Frontend.Tail()}");
        Assert.Equal("mirefen/1", traveller.Zone!.ZoneId);
        Assert.Single(traveller.ZoneChanges);
        Assert.True(await GameClient.EventuallyAsync(() => traveller.Self() is not null, TimeSpan.FromSeconds(10)), "no view of the new zone");
        // The arrival spawn is (60, 300). The traveller holds "east" until it sees the new zone, so one or two of its
        // own moves may still land there and carry it a tick's step or two further east (2.5 units a tick here).
        Assert.InRange(traveller.Self()!.Value.X, 59f, 66f);
        Assert.Equal(300f, traveller.Self()!.Value.Y, 1f);
        Assert.True(await GameClient.EventuallyAsync(() => stayer.Find(character.Name) is null, TimeSpan.FromSeconds(10)), "the traveller is still seen in the start zone");

        var row = await Cluster.ReadCharacterRowAsync(character.Name);
        Assert.Equal("mirefen/1", row!.Value.GetProperty("ZoneId").GetString());
        var left = await traveller.LeaveWorldAsync();
        Assert.Equal("mirefen/1", left.Value!.ZoneId);
        Assert.Null(traveller.ApplyFailure);
    }
}
