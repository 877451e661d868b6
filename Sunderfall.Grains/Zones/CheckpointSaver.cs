using Microsoft.Extensions.Logging;
using Sunderfall.Grains.Interfaces.Players;

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
    private readonly HashSet<Guid> savingMembers = [];
    private readonly Dictionary<Guid, (long WorldSession, PlayerCheckpoint Checkpoint)> departed = [];
    private readonly List<Task> running = [];

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
