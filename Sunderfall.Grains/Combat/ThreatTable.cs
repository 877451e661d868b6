namespace Sunderfall.Grains.Combat;

/// <summary>
/// A monster's threat: how much each player (by net id) has done against it. The monster attacks whoever has the
/// most among those still able to be attacked; ties go to whoever got there first.
/// </summary>
public sealed class ThreatTable
{
    private readonly List<(int NetId, double Threat)> entries = [];

    public int Count => entries.Count;

    public void Add(int netId, double threat)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].NetId == netId)
            {
                entries[i] = (netId, entries[i].Threat + threat);
                return;
            }
        }

        entries.Add((netId, threat));
    }

    public double Of(int netId)
    {
        foreach (var (id, threat) in entries)
        {
            if (id == netId)
            {
                return threat;
            }
        }

        return 0;
    }

    public void Remove(int netId) => entries.RemoveAll(e => e.NetId == netId);

    /// <summary>The net id with the most threat among those <paramref name="eligible"/> accepts, or null.</summary>
    public int? Top(Func<int, bool> eligible)
    {
        ArgumentNullException.ThrowIfNull(eligible);
        int? top = null;
        var most = double.NegativeInfinity;
        foreach (var (netId, threat) in entries)
        {
            if (threat > most && eligible(netId))
            {
                (top, most) = (netId, threat);
            }
        }

        return top;
    }
}
