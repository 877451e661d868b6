using Microsoft.AspNetCore.SignalR;
using Sunderfall.Grains.Interfaces.Common;
using Sunderfall.Grains.Interfaces.Zones;
using Sunderfall.Protocol;
using Sunderfall.Protocol.Errors;
using ErrorCode = Sunderfall.Protocol.Errors.ErrorCode;

namespace Sunderfall.Frontend.Game;

/// <summary>Combat calls: checked here for form only; the zone decides everything else.</summary>
public sealed partial class GameHub
{
    /// <summary>Longest ability id accepted (content ids are at most 32 characters).</summary>
    private const int MaxAbilityIdInput = 32;

    public async Task UseAbility(long sequence, string? abilityId, int targetNetId)
    {
        if (registry.FindInWorld(Context.ConnectionId) is not { } session)
        {
            await Clients.Caller.SendAsync(HubNames.ErrorEvent, new ServerError { Code = ErrorCode.NotInWorld, Message = "enter the world before using abilities" });
            return;
        }

        if (sequence < 0 || abilityId is null || abilityId.Length is 0 or > MaxAbilityIdInput || targetNetId < 0)
        {
            await Clients.Caller.SendAsync(HubNames.ErrorEvent, new ServerError
            {
                Code = ErrorCode.InvalidArgument,
                Message = $"UseAbility takes a sequence of 0 or more, an ability id of 1-{MaxAbilityIdInput} characters and a target netId of 0 or more",
            });
            return;
        }

        if (session.InTransit)
        {
            return;
        }

        var request = new AbilityRequest(sequence, abilityId, targetNetId);
        var error = await client.GetGrain<IZoneGrain>(session.ZoneId).UseAbilityAsync(session.PlayerId, request);
        if (error?.Code == GameErrorCode.NotInZone)
        {
            await subscriptions.RenewAsync(session.ZoneId);
            error = await client.GetGrain<IZoneGrain>(session.ZoneId).UseAbilityAsync(session.PlayerId, request);
        }

        if (error is not null)
        {
            await Clients.Caller.SendAsync(HubNames.ErrorEvent, WireMapping.ToWire(error));
        }
    }
}
