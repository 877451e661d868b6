using Orleans.Storage;

namespace Sunderfall.Grains.Tests.Zones;

/// <summary>
/// The test silos' memory grain storage, except that the next write of an armed player's state fails once (as a
/// PostgreSQL write can): for the checkpoint tests.
/// </summary>
public sealed class FlakyPlayerStorage(IGrainStorage inner) : IGrainStorage
{
    private readonly Lock gate = new();
    private readonly HashSet<Guid> armed = [];
    private readonly Dictionary<Guid, int> failures = [];

    /// <summary>The storage of the silo (one silo per cluster of <see cref="FlakyStorageClusterFixture"/>).</summary>
    public static FlakyPlayerStorage? Shared { get; set; }

    /// <summary>Makes the next write of this player's state fail.</summary>
    public void FailNextWriteOf(Guid playerId)
    {
        lock (gate)
        {
            armed.Add(playerId);
        }
    }

    /// <summary>How many writes of this player's state failed.</summary>
    public int FailuresOf(Guid playerId)
    {
        lock (gate)
        {
            return failures.GetValueOrDefault(playerId);
        }
    }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (grainId.TryGetGuidKey(out var key, out _))
        {
            lock (gate)
            {
                if (armed.Remove(key))
                {
                    failures[key] = failures.GetValueOrDefault(key) + 1;
                    throw new InvalidOperationException($"test storage: the write of {grainId} fails once");
                }
            }
        }

        return inner.WriteStateAsync(stateName, grainId, grainState);
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ClearStateAsync(stateName, grainId, grainState);
}
