using Sunderfall.Grains.Interfaces.Common;
using Sunderfall.Grains.Interfaces.Zones;

namespace Sunderfall.Grains.Tests.Zones;

/// <summary>One player's input sent as frontends send every input: in a batch (of one) through SubmitInputsAsync.</summary>
public static class ZoneInputs
{
    /// <summary>Submits one input; returns why the zone refused it, or null when it was taken.</summary>
    public static async Task<GameError?> SubmitOneAsync(this IZoneGrain zone, Guid playerId, MoveInput input)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var refused = await zone.SubmitInputsAsync([new PlayerMoveInput(playerId, input)]);
        return refused.Count == 0 ? null : refused.Single().Error;
    }
}
