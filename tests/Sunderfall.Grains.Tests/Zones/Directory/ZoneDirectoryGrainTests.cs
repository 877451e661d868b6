using Sunderfall.Grains.Interfaces.Zones;
using Xunit;

namespace Sunderfall.Grains.Tests.Zones.Directory;

/// <summary>
/// The directory on the test cluster. Each test uses a template key of its own that is not in the content (so it has
/// no population cap): the content's templates are shared with the zone tests, whose zones report their populations.
/// How channels fill up to a cap is covered by ChannelPolicyTests.
/// </summary>
[Collection(ClusterCollectionDefinition.Name)]
public sealed class ZoneDirectoryGrainTests(ClusterFixture fixture)
{
    private readonly IClusterClient client = fixture.Client;

    [Fact]
    public async Task AssignAsync_CountsEachAssignedPlayerAtOnce()
    {
        var template = UniqueTemplate();
        var directory = client.GetGrain<IZoneDirectoryGrain>(template);

        var assigned = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            assigned.Add(await directory.AssignAsync(Guid.NewGuid(), null));
        }

        var channels = await directory.GetChannelsAsync();

        Assert.All(assigned, instance => Assert.Equal(ZoneInstances.Key(template, 1), instance));
        Assert.Equal(3, Assert.Single(channels, c => c.Key == ZoneInstances.Key(template, 1)).Value);
    }

    [Fact]
    public async Task ReportPopulationAsync_ThenGetChannelsAsync_ShowsTheReportedPopulations()
    {
        var template = UniqueTemplate();
        var directory = client.GetGrain<IZoneDirectoryGrain>(template);

        await directory.AssignAsync(Guid.NewGuid(), null);
        await directory.ReportPopulationAsync(ZoneInstances.Key(template, 1), 7);
        await directory.ReportPopulationAsync(ZoneInstances.Key(template, 2), 4);
        var channels = await WaitForChannelsAsync(directory, 2);

        Assert.Equal(7, channels[ZoneInstances.Key(template, 1)]);
        Assert.Equal(4, channels[ZoneInstances.Key(template, 2)]);
    }

    [Fact]
    public async Task ReportPopulationAsync_ForAnotherTemplateOrAMalformedInstance_IsIgnored()
    {
        var template = UniqueTemplate();
        var directory = client.GetGrain<IZoneDirectoryGrain>(template);

        await directory.ReportPopulationAsync(ZoneInstances.Key(UniqueTemplate(), 1), 5);
        await directory.ReportPopulationAsync(template, 5);
        await directory.ReportPopulationAsync(template + "/zero", 5);
        await directory.ReportPopulationAsync(ZoneInstances.Key(template, 0), 5);
        await directory.ReportPopulationAsync(ZoneInstances.Key(template, 3), 2);
        var channels = await WaitForChannelsAsync(directory, 1);

        Assert.Equal(ZoneInstances.Key(template, 3), Assert.Single(channels).Key);
    }

    [Fact]
    public async Task AssignAsync_WithThePlayersPreviousChannel_KeepsItThere()
    {
        var template = UniqueTemplate();
        var directory = client.GetGrain<IZoneDirectoryGrain>(template);
        await directory.ReportPopulationAsync(ZoneInstances.Key(template, 1), 1);
        await directory.ReportPopulationAsync(ZoneInstances.Key(template, 2), 1);
        await WaitForChannelsAsync(directory, 2);

        var instance = await directory.AssignAsync(Guid.NewGuid(), ZoneInstances.Key(template, 2));

        Assert.Equal(ZoneInstances.Key(template, 2), instance);
    }

    private static string UniqueTemplate() => "test-" + Guid.NewGuid().ToString("N")[..12];

    // Reports are one-way: poll until they have all been applied.
    private static async Task<IReadOnlyDictionary<string, int>> WaitForChannelsAsync(IZoneDirectoryGrain directory, int count)
    {
        var channels = await Eventually.AskUntilFoundAsync(
            async () => await directory.GetChannelsAsync() is { } reported && reported.Count >= count ? reported : null,
            TestWorld.Patience);
        return channels ?? await directory.GetChannelsAsync();
    }
}
