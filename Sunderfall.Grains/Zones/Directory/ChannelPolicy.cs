namespace Sunderfall.Grains.Zones.Directory;

/// <summary>
/// Which channel of a zone a player joins: the preferred one (where the character was) if it has room; otherwise
/// the lowest-numbered channel with room, so players gather rather than spread thin; otherwise a new channel while
/// fewer than the maximum are open; otherwise (overload) the least populated one, over the cap.
/// </summary>
public static class ChannelPolicy
{
    /// <summary>The chosen channel and whether the choice goes over the cap.</summary>
    public readonly record struct Choice(int Channel, bool Overloaded);

    public static Choice Choose(IReadOnlyDictionary<int, int> populations, int cap, int maxChannels, int? preferred)
    {
        ArgumentNullException.ThrowIfNull(populations);
        if (preferred is { } wanted && populations.GetValueOrDefault(wanted) < cap && (populations.ContainsKey(wanted) || wanted <= maxChannels))
        {
            return new Choice(wanted, false);
        }

        foreach (var (channel, players) in populations.OrderBy(p => p.Key))
        {
            if (players < cap)
            {
                return new Choice(channel, false);
            }
        }

        if (populations.Count < maxChannels)
        {
            var next = 1;
            while (populations.ContainsKey(next))
            {
                next++;
            }

            return new Choice(next, false);
        }

        return new Choice(populations.OrderBy(p => p.Value).ThenBy(p => p.Key).First().Key, true);
    }
}
