using Sunderfall.Grains.Interfaces.Common;
using Sunderfall.Grains.Interfaces.Zones;

namespace Sunderfall.Grains.Zones;

/// <summary>
/// Who is in a zone and which frontend serves them: the members, the frontends' leases and the notices waiting for
/// each frontend's next batch. The zone grain is its only user; nothing here calls another grain.
/// </summary>
internal sealed class ZoneRoster
{
    private static readonly IReadOnlyDictionary<Guid, long> NoAcks = new Dictionary<Guid, long>();
    private readonly Dictionary<Guid, ZoneMember> members = [];
    private readonly Dictionary<string, FrontendLease> frontends = new(StringComparer.Ordinal);
    private bool populationChanged;

    public int MemberCount => members.Count;

    public int FrontendCount => frontends.Count;

    public IReadOnlyDictionary<Guid, ZoneMember> Members => members;

    public IReadOnlyDictionary<string, FrontendLease> Frontends => frontends;

    /// <summary>Renews (or opens) a frontend's lease; the observers given replace the ones held.</summary>
    public FrontendLease RenewLease(string frontendId, FrontendObservers observers, DateTimeOffset now)
    {
        if (frontends.TryGetValue(frontendId, out var lease))
        {
            lease.Observers = observers;
            lease.RenewedAt = now;
            return lease;
        }

        lease = new FrontendLease(observers, now);
        frontends.Add(frontendId, lease);
        return lease;
    }

    /// <summary>Records a player's arrival, or its return within the logout delay (it stops lingering).</summary>
    public void Join(Guid playerId, string frontendId, long worldSession, WorldPosition position)
    {
        if (members.TryGetValue(playerId, out var member))
        {
            member.FrontendId = frontendId;
            member.WorldSession = worldSession;
            member.Lingering = false;
        }
        else
        {
            members.Add(playerId, new ZoneMember(frontendId, worldSession, position));
        }

        // Reported even when the count did not change: the directory counted this arrival when it assigned it.
        populationChanged = true;
    }

    public bool TryGet(Guid playerId, out ZoneMember member) => members.TryGetValue(playerId, out member!);

    public bool Contains(Guid playerId) => members.ContainsKey(playerId);

    /// <summary>Takes a player off the roster (it left, crossed a portal or its logout delay ran out).</summary>
    public bool Remove(Guid playerId, out ZoneMember member)
    {
        if (members.Remove(playerId, out member!))
        {
            populationChanged = true;
            return true;
        }

        return false;
    }

    /// <summary>Queues a notice for the frontend serving the player, if it has one and is not lingering.</summary>
    public void Notify(PlayerNotice notice, bool evenIfLingering = false)
    {
        if (members.TryGetValue(notice.PlayerId, out var member) && (evenIfLingering || !member.Lingering))
        {
            NoticesFor(member.FrontendId)?.Add(notice);
        }
    }

    public List<PlayerNotice>? NoticesFor(string frontendId) => frontends.TryGetValue(frontendId, out var lease) ? lease.Notices : null;

    public ZoneFrontend? FrontendOf(Guid playerId) =>
        members.TryGetValue(playerId, out var member) && frontends.TryGetValue(member.FrontendId, out var lease)
            ? new ZoneFrontend(member.FrontendId, lease.Observers)
            : null;

    /// <summary>The input acknowledgements of the players one frontend serves.</summary>
    public IReadOnlyDictionary<Guid, long> AcksFor(string frontendId, IReadOnlyDictionary<Guid, long> acks)
    {
        Dictionary<Guid, long>? mine = null;
        foreach (var (playerId, sequence) in acks)
        {
            if (members.TryGetValue(playerId, out var member) && member.FrontendId == frontendId)
            {
                (mine ??= [])[playerId] = sequence;
            }
        }

        return mine ?? NoAcks;
    }

    /// <summary>
    /// Drops the frontends whose lease ran out before <paramref name="cutoff"/> and returns them with the players they
    /// served (lingering bodies excluded: they are no longer served by anyone); the zone decides what each player's
    /// departure means.
    /// </summary>
    public IReadOnlyList<(string FrontendId, IReadOnlyList<Guid> Players)> ExpireLeases(DateTimeOffset cutoff)
    {
        List<(string, IReadOnlyList<Guid>)>? expired = null;
        foreach (var (frontendId, lease) in frontends)
        {
            if (lease.RenewedAt < cutoff)
            {
                var served = members.Where(m => m.Value.FrontendId == frontendId && !m.Value.Lingering).Select(m => m.Key).ToList();
                (expired ??= []).Add((frontendId, served));
            }
        }

        foreach (var (frontendId, _) in expired ?? [])
        {
            frontends.Remove(frontendId);
        }

        return expired ?? (IReadOnlyList<(string, IReadOnlyList<Guid>)>)[];
    }

    /// <summary>True once after the roster changed, so the zone reports its population to the directory.</summary>
    public bool TakePopulationChange()
    {
        var changed = populationChanged;
        populationChanged = false;
        return changed;
    }
}
