using Microsoft.Extensions.Logging;
using Sunderfall.Grains.Interfaces.Players;
using Sunderfall.Grains.Zones.Simulation;

namespace Sunderfall.Grains.Zones;

/// <summary>
/// Sends a zone's checkpoints to the player grains and counts one as saved only when its player grain acknowledged
/// the write. The zone never waits for it in a turn (a player grain may itself be waiting on the zone): each call is
/// awaited beside the tick, and its answer lands on the zone's scheduler. A failed save of a player still here is sent
/// again by the next checkpoint slice (the member still differs from what was saved); the last checkpoint of a player
/// the zone no longer holds is kept and sent again by <see cref="RetryDeparted"/> until acknowledged.
/// </summary>
internal sealed class CheckpointSaver(IGrainFactory grains, string zoneId, ILogger logger)
{
    /// <summary>Position checkpoints are taken in this many turns per checkpoint interval (see <see cref="SaveNextSlice"/>).</summary>
    public const int Slices = 8;

    private readonly HashSet<Guid> savingMembers = [];
    private readonly Dictionary<Guid, (long WorldSession, PlayerCheckpoint Checkpoint)> departed = [];
    private readonly List<Task> running = [];
    private int nextSlice;

    /// <summary>Checkpoints of departed players not yet acknowledged.</summary>
    public int UnsavedDeparted => departed.Count;

    /// <summary>Saves a member's checkpoint; the member is marked saved on acknowledgement. One save per member at a time.</summary>
    public void Save(Guid playerId, ZoneMember member, PlayerCheckpoint checkpoint)
    {
        if (savingMembers.Add(playerId))
        {
            Track(SaveMemberAsync(playerId, member, member.WorldSession, checkpoint));
        }
    }

    /// <summary>Saves the last checkpoint of a player the zone no longer holds, again and again until acknowledged.</summary>
    public void SaveDeparted(Guid playerId, long worldSession, PlayerCheckpoint checkpoint)
    {
        departed[playerId] = (worldSession, checkpoint);
        Track(SaveDepartedAsync(playerId, worldSession, checkpoint));
    }

    public void RetryDeparted()
    {
        foreach (var (playerId, (worldSession, checkpoint)) in departed.ToList())
        {
            Track(SaveDepartedAsync(playerId, worldSession, checkpoint));
        }
    }

    /// <summary>
    /// Saves the moved positions of one slice of the players; the slices take turns, so each player is checkpointed
    /// once per checkpoint interval and the saves of a crowded zone are spread over the interval instead of reaching
    /// the player grains and PostgreSQL all in the same moment (which, every interval, delayed the ticks of a
    /// 400-player zone by a few hundred milliseconds).
    /// </summary>
    public void SaveNextSlice(ZoneSimulation simulation, ZoneRoster roster)
    {
        var slice = nextSlice;
        nextSlice = (nextSlice + 1) % Slices;
        SaveChanged(simulation, roster, playerId => SliceOf(playerId) == slice, deactivating: false);
    }

    /// <summary>Saves every member whose position or vitals changed since its last acknowledged save.</summary>
    public void SaveAll(ZoneSimulation simulation, ZoneRoster roster, bool deactivating) => SaveChanged(simulation, roster, _ => true, deactivating);

    internal static int SliceOf(Guid playerId) => (int)((uint)playerId.GetHashCode() % Slices);

    private void SaveChanged(ZoneSimulation simulation, ZoneRoster roster, Func<Guid, bool> due, bool deactivating)
    {
        foreach (var (playerId, member) in roster.Members)
        {
            // A lingering body is saved once, when its logout delay runs out (or the zone goes away): a Final checkpoint.
            if (!due(playerId) || (member.Lingering && !deactivating) || !simulation.TryGetPlayer(playerId, out _, out var position)
                || simulation.VitalsOf(playerId) is not { } vitals)
            {
                continue;
            }

            if (member.Lingering)
            {
                SaveDeparted(playerId, member.WorldSession, new PlayerCheckpoint(position, vitals, Final: true));
            }
            else if (position != member.CheckpointedPosition || !vitals.SameAs(member.CheckpointedVitals))
            {
                // Marked saved only once the player grain acknowledged it; a failed save is sent again next slice.
                Save(playerId, member, new PlayerCheckpoint(position, vitals));
            }
        }
    }

    /// <summary>The saves still waiting for their answer (the zone awaits them when it deactivates).</summary>
    public Task AllSentAsync() => Task.WhenAll(running);

    private async Task SaveMemberAsync(Guid playerId, ZoneMember member, long worldSession, PlayerCheckpoint checkpoint)
    {
        try
        {
            await grains.GetGrain<IPlayerGrain>(playerId).CheckpointAsync(zoneId, worldSession, checkpoint);
            member.CheckpointedPosition = checkpoint.Position;
            member.CheckpointedVitals = checkpoint.Vitals;
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Zone {Zone} could not save the checkpoint of player {Player}; the next checkpoint slice sends it again", zoneId, playerId);
        }
        finally
        {
            savingMembers.Remove(playerId);
        }
    }

    private async Task SaveDepartedAsync(Guid playerId, long worldSession, PlayerCheckpoint checkpoint)
    {
        try
        {
            await grains.GetGrain<IPlayerGrain>(playerId).CheckpointAsync(zoneId, worldSession, checkpoint);
            if (departed.TryGetValue(playerId, out var unsaved) && unsaved.Checkpoint == checkpoint)
            {
                departed.Remove(playerId);
            }
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Zone {Zone} could not save the last checkpoint of player {Player}; it is sent again", zoneId, playerId);
        }
    }

    private void Track(Task save)
    {
        running.RemoveAll(t => t.IsCompleted);
        running.Add(save);
    }
}
