using Sunderfall.Grains.Interfaces.Zones;
using Sunderfall.Protocol.Sync;
using WireKind = Sunderfall.Protocol.Sync.EntityKind;

namespace Sunderfall.Frontend.World;

/// <summary>
/// This frontend's copy of one zone instance, rebuilt from the zone's batches, with a spatial grid for area of
/// interest queries. Callers hold <see cref="Gate"/> while applying or reading.
/// </summary>
public sealed class ZoneMirror(string zoneId, float viewRadius)
{
    private readonly Dictionary<int, VisibleEntity> entities = [];
    private bool gridStale = true;

    public string ZoneId { get; } = zoneId;

    public Lock Gate { get; } = new();

    public InterestGrid Grid { get; } = new(Math.Max(8f, viewRadius));

    /// <summary>Sequence of the last batch applied; -1 until a full batch arrives.</summary>
    public long Sequence { get; private set; } = -1;

    public long Tick { get; private set; }

    /// <summary>When the last batch arrived (Stopwatch timestamp), for the delay of the deltas made from it.</summary>
    public long ArrivedAt { get; set; }

    public int Count => entities.Count;

    /// <summary>Applies a batch; false when it does not follow the last one (a full batch must be requested).</summary>
    public bool Apply(ZoneTickBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Full)
        {
            entities.Clear();
        }
        else if (Sequence < 0 || batch.Sequence != Sequence + 1)
        {
            Sequence = -1;
            return false;
        }

        foreach (var s in batch.Spawned)
        {
            entities[s.NetId] = new VisibleEntity(s.NetId, (WireKind)(byte)s.Kind, s.Name, s.X, s.Y, s.Health, s.MaxHealth);
        }

        foreach (var m in batch.Moved)
        {
            if (entities.TryGetValue(m.NetId, out var e))
            {
                entities[m.NetId] = new VisibleEntity(e.NetId, e.Kind, e.Name, m.X, m.Y, m.Health, e.MaxHealth);
            }
        }

        foreach (var netId in batch.Despawned)
        {
            entities.Remove(netId);
        }

        Sequence = batch.Sequence;
        Tick = batch.Tick;
        gridStale = true;
        return true;
    }

    public bool TryGet(int netId, out VisibleEntity entity) => entities.TryGetValue(netId, out entity);

    /// <summary>The entities within <paramref name="radius"/> of a point.</summary>
    public void Query(float x, float y, float radius, List<VisibleEntity> into)
    {
        if (gridStale)
        {
            Grid.Clear();
            foreach (var entity in entities.Values)
            {
                Grid.Add(entity);
            }

            gridStale = false;
        }

        Grid.Query(x, y, radius, into);
    }
}
