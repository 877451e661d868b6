using Sunderfall.Grains.Interfaces.Zones;

namespace Sunderfall.Grains.Tests.Zones;

/// <summary>
/// A frontend as the zones see it: an id and an observer reference registered with the cluster client. Keeps the
/// observer alive while the test runs (the client holds it only weakly) and unregisters it when disposed.
/// </summary>
public sealed class TestFrontend : IDisposable
{
    private readonly IClusterClient client;
    private readonly RecordingZoneObserver recorder = new();

    public TestFrontend(IClusterClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        this.client = client;
        Reference = client.CreateObjectReference<IZoneObserver>(recorder);
    }

    public string Id { get; } = "frontend-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>What the zones hold and call.</summary>
    public IZoneObserver Reference { get; }

    /// <summary>The first batch from <paramref name="zoneId"/> that contains <paramref name="entity"/>, or null after <see cref="TestWorld.Patience"/>.</summary>
    public Task<ZoneUpdateBatch?> WaitForChangeAsync(string zoneId, ZoneEntitySnapshot entity) =>
        Eventually.FindAsync(
            () => recorder.Batches.FirstOrDefault(b => b.ZoneId == zoneId && b.Changed.Contains(entity)),
            TestWorld.Patience);

    public void Dispose() => client.DeleteObjectReference<IZoneObserver>(Reference);
}
