using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.SignalR.Client;
using Sunderfall.Protocol;
using Sunderfall.Protocol.Characters;
using Sunderfall.Protocol.Combat;
using Sunderfall.Protocol.Errors;
using Sunderfall.Protocol.Social;
using Sunderfall.Protocol.Sync;
using Sunderfall.Protocol.World;

namespace Sunderfall.Client
{
    // Server to client: every hub event, turned into the local world view and the client's events.
    public sealed partial class SunderfallClient
    {
        // Set when a delta did not fit the view: later deltas are dropped until the connection was reopened.
        private bool desynchronised;

        private void RegisterServerEvents(HubConnection connection)
        {
            connection.On<WorldDelta>(HubNames.WorldDeltaEvent, OnWorldDelta);
            connection.On<ZoneEntered>(HubNames.ZoneChangedEvent, zone =>
            {
                world.Enter(zone);
                Raise(ZoneChanged, zone, nameof(ZoneChanged));
            });
            connection.On<MoveCorrection>(HubNames.CorrectionEvent, c => Raise(CorrectionReceived, c, nameof(CorrectionReceived)));
            connection.On<CombatEvents>(HubNames.CombatEvent, c => Raise(CombatReceived, c, nameof(CombatReceived)));
            connection.On<Vitals>(HubNames.VitalsEvent, v => Raise(VitalsChanged, v, nameof(VitalsChanged)));
            connection.On<ChatMessage>(HubNames.ChatEvent, m => Raise(ChatReceived, m, nameof(ChatReceived)));
            connection.On<PartyInfo>(HubNames.PartyChangedEvent, p => Raise(PartyChanged, p, nameof(PartyChanged)));
            connection.On<PartyInviteInfo>(HubNames.PartyInvitedEvent, i => Raise(PartyInvited, i, nameof(PartyInvited)));
            connection.On<RewardInfo>(HubNames.RewardEvent, r => Raise(RewardReceived, r, nameof(RewardReceived)));
            connection.On<CharacterSheetInfo>(HubNames.SheetChangedEvent, s => Raise(SheetChanged, s, nameof(SheetChanged)));
            connection.On<ServerError>(HubNames.ErrorEvent, OnServerError);
        }

        private void OnWorldDelta(WorldDelta delta)
        {
            lock (gate)
            {
                if (desynchronised)
                {
                    return;
                }
            }

            WorldViewChanges changes;
            try
            {
                changes = world.Apply(delta);
            }
            catch (FormatException ex)
            {
                lock (gate)
                {
                    desynchronised = true;
                }

                Raise(ErrorReceived, new ServerError
                {
                    Code = ErrorCode.Internal,
                    Message = $"a world delta of tick {delta.Tick} could not be applied ({ex.Message}); reconnecting to start from a fresh view",
                }, nameof(ErrorReceived));
                // Not awaited, and off this thread: stopping the connection waits for this handler to return.
                _ = Task.Run(ResynchroniseAsync);
                return;
            }

            Raise(WorldUpdated, new WorldUpdate(delta.ZoneId, delta.Tick, delta.AckInput, delta.SelfNetId, changes), nameof(WorldUpdated));
        }

        private void OnServerError(ServerError error)
        {
            bool closed = error.Code == ErrorCode.SessionReplaced || error.Code == ErrorCode.SessionEnded || error.Code == ErrorCode.Kicked;
            if (closed)
            {
                // Set before the server closes the connection, so nothing reconnects and takes the session back.
                lock (gate)
                {
                    sessionClosedBy = error;
                }

                Raise(SessionClosed, error, nameof(SessionClosed));
            }

            Raise(ErrorReceived, error, nameof(ErrorReceived));
        }
    }
}
