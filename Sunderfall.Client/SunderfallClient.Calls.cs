using System;
using System.IO;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Sunderfall.Protocol;
using Sunderfall.Protocol.Characters;
using Sunderfall.Protocol.Errors;
using Sunderfall.Protocol.Social;
using Sunderfall.Protocol.World;

namespace Sunderfall.Client
{
    // Client to server: one typed method per hub method (docs/protocol.md). Request/response calls return the server's
    // CallResult; when there is no connection, or it drops before the answer, they return Unavailable instead of
    // throwing (the call may then have taken effect or not). Only cancellation throws.
    public sealed partial class SunderfallClient
    {
        private long moveSequence;
        private long abilitySequence;

        /// <summary>Creates a character on the account: name 3-16 of A-Z a-z 0-9 - _ starting with a letter, unique
        /// ignoring case; class warrior, ranger, mage or cleric.</summary>
        public Task<CallResult<CharacterInfo>> CreateCharacterAsync(string name, string characterClass, CancellationToken cancellationToken = default) =>
            InvokeAsync<CharacterInfo>(HubNames.CreateCharacter, cancellationToken, name, characterClass);

        /// <summary>The account's characters, oldest first.</summary>
        public Task<CallResult<CharacterList>> ListCharactersAsync(CancellationToken cancellationToken = default) =>
            InvokeAsync<CharacterList>(HubNames.ListCharacters, cancellationToken);

        /// <summary>
        /// Puts the character in its zone, where it last stood. On success the client remembers it and re-enters it by
        /// itself after every reconnection (<see cref="Resumed"/>), until <see cref="LeaveWorldAsync"/>.
        /// </summary>
        public async Task<CallResult<ZoneEntered>> EnterWorldAsync(string characterId, CancellationToken cancellationToken = default)
        {
            if (world.Zone is null)
            {
                // Before the call, so the first delta of the stay, which may arrive before the reply, is kept.
                world.Reset();
            }

            CallResult<ZoneEntered> result = await InvokeAsync<ZoneEntered>(HubNames.EnterWorld, cancellationToken, characterId).ConfigureAwait(false);
            if (result.Ok && result.Value is ZoneEntered entered)
            {
                world.Enter(entered);
                lock (gate)
                {
                    resumeCharacterId = characterId;
                }
            }

            return result;
        }

        /// <summary>Takes the character out of the world (its position is saved) and stops re-entering it after
        /// reconnections. Returns the character with where it stood.</summary>
        public async Task<CallResult<CharacterInfo>> LeaveWorldAsync(CancellationToken cancellationToken = default)
        {
            lock (gate)
            {
                resumeCharacterId = null;
            }

            CallResult<CharacterInfo> result = await InvokeAsync<CharacterInfo>(HubNames.LeaveWorld, cancellationToken).ConfigureAwait(false);
            if (result.Ok || result.Error?.Code == ErrorCode.NotInWorld)
            {
                world.Reset();
            }

            return result;
        }

        /// <summary>
        /// Walks in a direction from the next tick on, until the next input ((0, 0) stops; length at most 1). Sent
        /// without waiting for an answer: a refusal comes as <see cref="ErrorReceived"/>. Returns the input's sequence
        /// number (<see cref="WorldUpdate.AckInput"/> reaches it once the server applied it), or 0 when there was no
        /// connection to send it on.
        /// </summary>
        public Task<long> MoveAsync(float dirX, float dirY, CancellationToken cancellationToken = default)
        {
            long sequence = Interlocked.Increment(ref moveSequence);
            return SendInputAsync(HubNames.Move, sequence, new object?[] { sequence, dirX, dirY }, cancellationToken);
        }

        /// <summary>
        /// Uses one of the character's abilities on the entity with <paramref name="targetNetId"/> (0 for oneself).
        /// Sent without waiting: a refusal comes as <see cref="ErrorReceived"/>, what happens as
        /// <see cref="CombatReceived"/>. Returns the use's sequence number, or 0 when there was no connection.
        /// </summary>
        public Task<long> UseAbilityAsync(string abilityId, int targetNetId, CancellationToken cancellationToken = default)
        {
            long sequence = Interlocked.Increment(ref abilitySequence);
            return SendInputAsync(HubNames.UseAbility, sequence, new object?[] { sequence, abilityId, targetNetId }, cancellationToken);
        }

        /// <summary>The character's level, experience, gold, stats, bag and what it wears.</summary>
        public Task<CallResult<CharacterSheetInfo>> GetCharacterSheetAsync(CancellationToken cancellationToken = default) =>
            InvokeAsync<CharacterSheetInfo>(HubNames.GetCharacterSheet, cancellationToken);

        /// <summary>Wears the equipment in a bag slot; what was worn there goes to the bag.</summary>
        public Task<CallResult<CharacterSheetInfo>> EquipItemAsync(int bagSlot, CancellationToken cancellationToken = default) =>
            InvokeAsync<CharacterSheetInfo>(HubNames.EquipItem, cancellationToken, bagSlot);

        /// <summary>Puts what is worn in an equipment slot (weapon, head, chest, legs, feet, hands, ring) in the bag.</summary>
        public Task<CallResult<CharacterSheetInfo>> UnequipItemAsync(string equipmentSlot, CancellationToken cancellationToken = default) =>
            InvokeAsync<CharacterSheetInfo>(HubNames.UnequipItem, cancellationToken, equipmentSlot);

        /// <summary>Uses one consumable from a bag slot (e.g. a potion); only in the world.</summary>
        public Task<CallResult<CharacterSheetInfo>> UseItemAsync(int bagSlot, CancellationToken cancellationToken = default) =>
            InvokeAsync<CharacterSheetInfo>(HubNames.UseItem, cancellationToken, bagSlot);

        /// <summary>Destroys <paramref name="count"/> of the stack in a bag slot.</summary>
        public Task<CallResult<CharacterSheetInfo>> DiscardItemAsync(int bagSlot, int count, CancellationToken cancellationToken = default) =>
            InvokeAsync<CharacterSheetInfo>(HubNames.DiscardItem, cancellationToken, bagSlot, count);

        /// <summary>Creates a party led by the character.</summary>
        public Task<CallResult<PartyInfo>> CreatePartyAsync(CancellationToken cancellationToken = default) =>
            InvokeAsync<PartyInfo>(HubNames.CreateParty, cancellationToken);

        /// <summary>The leader invites a character, by name (any case), who gets <see cref="PartyInvited"/>.</summary>
        public Task<CallResult<PartyInviteInfo>> InviteToPartyAsync(string characterName, CancellationToken cancellationToken = default) =>
            InvokeAsync<PartyInviteInfo>(HubNames.InviteToParty, cancellationToken, characterName);

        /// <summary>Joins the party of an invite.</summary>
        public Task<CallResult<PartyInfo>> AcceptPartyInviteAsync(string partyId, CancellationToken cancellationToken = default) =>
            InvokeAsync<PartyInfo>(HubNames.AcceptPartyInvite, cancellationToken, partyId);

        /// <summary>Turns an invite down.</summary>
        public Task<CallResult<PartyInfo>> DeclinePartyInviteAsync(string partyId, CancellationToken cancellationToken = default) =>
            InvokeAsync<PartyInfo>(HubNames.DeclinePartyInvite, cancellationToken, partyId);

        /// <summary>Leaves the party (a leaving leader hands the lead on).</summary>
        public Task<CallResult<PartyInfo>> LeavePartyAsync(CancellationToken cancellationToken = default) =>
            InvokeAsync<PartyInfo>(HubNames.LeaveParty, cancellationToken);

        /// <summary>The leader removes a member, by name.</summary>
        public Task<CallResult<PartyInfo>> KickFromPartyAsync(string characterName, CancellationToken cancellationToken = default) =>
            InvokeAsync<PartyInfo>(HubNames.KickFromParty, cancellationToken, characterName);

        /// <summary>The leader hands the lead to a member, by name.</summary>
        public Task<CallResult<PartyInfo>> PromotePartyLeaderAsync(string characterName, CancellationToken cancellationToken = default) =>
            InvokeAsync<PartyInfo>(HubNames.PromotePartyLeader, cancellationToken, characterName);

        /// <summary>The leader ends the party.</summary>
        public Task<CallResult<PartyInfo>> DisbandPartyAsync(CancellationToken cancellationToken = default) =>
            InvokeAsync<PartyInfo>(HubNames.DisbandParty, cancellationToken);

        /// <summary>The character's party, or an empty one (PartyId "") when it is in none.</summary>
        public Task<CallResult<PartyInfo>> GetPartyAsync(CancellationToken cancellationToken = default) =>
            InvokeAsync<PartyInfo>(HubNames.GetParty, cancellationToken);

        /// <summary>
        /// Sends a chat line on "zone", "party" or "whisper" (then <paramref name="toName"/> names the recipient):
        /// 1-256 characters without control characters. The line also comes back as <see cref="ChatReceived"/>.
        /// </summary>
        public Task<CallResult<ChatMessage>> SendChatAsync(string channel, string text, string? toName = null, CancellationToken cancellationToken = default) =>
            InvokeAsync<ChatMessage>(HubNames.SendChat, cancellationToken, channel, text, toName);

        private async Task<CallResult<T>> InvokeAsync<T>(string method, CancellationToken cancellationToken, params object?[] args) where T : class
        {
            ThrowIfDisposed();
            HubConnection? connection = hub;
            if (connection is null || connection.State != HubConnectionState.Connected)
            {
                return CallResult<T>.Failure(ErrorCode.Unavailable, $"not connected ({State}): {method} was not sent");
            }

            try
            {
                CallResult<T>? result = await connection.InvokeCoreAsync<CallResult<T>>(method, args, cancellationToken).ConfigureAwait(false);
                return result ?? CallResult<T>.Failure(ErrorCode.Internal, $"{method} was answered with nothing");
            }
            catch (HubException ex)
            {
                return CallResult<T>.Failure(ErrorCode.Internal, $"{method} failed on the server: {ex.Message}");
            }
            catch (Exception ex) when (IsConnectionFailure(ex, cancellationToken))
            {
                return CallResult<T>.Failure(
                    ErrorCode.Unavailable, $"the connection dropped before {method} was answered; it may or may not have taken effect");
            }
        }

        private async Task<long> SendInputAsync(string method, long sequence, object?[] args, CancellationToken cancellationToken)
        {
            ThrowIfDisposed();
            HubConnection? connection = hub;
            if (connection is null || connection.State != HubConnectionState.Connected)
            {
                return 0;
            }

            try
            {
                await connection.SendCoreAsync(method, args, cancellationToken).ConfigureAwait(false);
                return sequence;
            }
            catch (Exception ex) when (IsConnectionFailure(ex, cancellationToken))
            {
                return 0;
            }
        }

        // What a dropping connection throws from a call; the caller's own cancellation is left to propagate.
        private static bool IsConnectionFailure(Exception ex, CancellationToken cancellationToken) =>
            (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested)
            || ex is InvalidOperationException || ex is IOException || ex is WebSocketException || ex is ObjectDisposedException;
    }
}
