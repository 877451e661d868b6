using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR.Client;
using Sunderfall.Protocol;
using Sunderfall.Protocol.Characters;
using Sunderfall.Protocol.Combat;
using Sunderfall.Protocol.Errors;
using Sunderfall.Protocol.Social;
using Sunderfall.Protocol.Sync;
using Sunderfall.Protocol.World;

namespace Sunderfall.IntegrationTests.Infrastructure;

/// <summary>
/// A test player: a real SignalR connection that applies every WorldDelta to a client-side WorldView, exactly as a
/// game client would, and records the other events.
/// </summary>
public sealed class GameClient(HubConnection connection) : IAsyncDisposable
{
    private readonly Lock gate = new();
    private readonly WorldView view = new();
    private long inputSequence;
    private long abilitySequence;

    public ConcurrentQueue<MoveCorrection> Corrections { get; } = new();

    public ConcurrentQueue<ServerError> Errors { get; } = new();

    public ConcurrentQueue<ZoneEntered> ZoneChanges { get; } = new();

    public ConcurrentQueue<ChatMessage> Chats { get; } = new();

    public ConcurrentQueue<PartyInfo> PartyChanges { get; } = new();

    public ConcurrentQueue<PartyInviteInfo> PartyInvites { get; } = new();

    public ConcurrentQueue<RewardInfo> Rewards { get; } = new();

    public ConcurrentQueue<CharacterSheetInfo> SheetChanges { get; } = new();

    /// <summary>Every combat event received (abilities, damage, heals, deaths, respawns).</summary>
    public ConcurrentQueue<CombatEventInfo> CombatEvents { get; } = new();

    /// <summary>The character's own vitals as last sent.</summary>
    public Vitals? Vitals { get; private set; }

    /// <summary>The zone the client is in, from EnterWorld or the latest ZoneChanged.</summary>
    public ZoneEntered? Zone { get; private set; }

    /// <summary>Deltas received and applied.</summary>
    public int DeltasApplied { get; private set; }

    /// <summary>The tick and acknowledged input of every delta received, in order.</summary>
    public ConcurrentQueue<(long Tick, long AckInput)> DeltaTicks { get; } = new();

    public long LastAck { get; private set; } = -1;

    /// <summary>The sequence of the last input sent with <see cref="MoveAsync"/>.</summary>
    public long LastInputSequence => Interlocked.Read(ref inputSequence);

    /// <summary>A WorldDelta payload the client could not apply (must never happen).</summary>
    public Exception? ApplyFailure { get; private set; }

    public HubConnection Connection => connection;

    public async Task StartAsync()
    {
        connection.On<WorldDelta>(HubNames.WorldDeltaEvent, OnDelta);
        connection.On<MoveCorrection>(HubNames.CorrectionEvent, Corrections.Enqueue);
        connection.On<ServerError>(HubNames.ErrorEvent, Errors.Enqueue);
        connection.On<CombatEvents>(HubNames.CombatEvent, batch =>
        {
            foreach (var e in batch.Events)
            {
                CombatEvents.Enqueue(e);
            }
        });
        connection.On<Vitals>(HubNames.VitalsEvent, vitals => Vitals = vitals);
        connection.On<ZoneEntered>(HubNames.ZoneChangedEvent, zone =>
        {
            Zone = zone;
            ZoneChanges.Enqueue(zone);
        });
        connection.On<ChatMessage>(HubNames.ChatEvent, Chats.Enqueue);
        connection.On<PartyInfo>(HubNames.PartyChangedEvent, PartyChanges.Enqueue);
        connection.On<PartyInviteInfo>(HubNames.PartyInvitedEvent, PartyInvites.Enqueue);
        connection.On<RewardInfo>(HubNames.RewardEvent, Rewards.Enqueue);
        connection.On<CharacterSheetInfo>(HubNames.SheetChangedEvent, SheetChanges.Enqueue);
        await connection.StartAsync();
    }

    public Task<CallResult<CharacterInfo>> CreateCharacterAsync(string? name, string? characterClass) =>
        connection.InvokeAsync<CallResult<CharacterInfo>>(HubNames.CreateCharacter, name, characterClass);

    public async Task<CallResult<ZoneEntered>> EnterWorldAsync(string? characterId)
    {
        var result = await connection.InvokeAsync<CallResult<ZoneEntered>>(HubNames.EnterWorld, characterId);
        if (result.Ok)
        {
            Zone = result.Value;
        }

        return result;
    }

    public Task<CallResult<CharacterInfo>> LeaveWorldAsync() =>
        connection.InvokeAsync<CallResult<CharacterInfo>>(HubNames.LeaveWorld);

    /// <summary>Fire-and-forget, as a real client moves: walk in a direction from the next tick on.</summary>
    public Task MoveAsync(float dirX, float dirY) => connection.SendAsync(HubNames.Move, Interlocked.Increment(ref inputSequence), dirX, dirY);

    /// <summary>
    /// Walks in a direction until the condition holds, re-sending the input every 2 s as a client does when an input
    /// may have been lost (e.g. refused while a silo was failing); false if the time runs out.
    /// </summary>
    public async Task<bool> WalkUntilAsync(float dirX, float dirY, Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            await MoveAsync(dirX, dirY);
            if (await EventuallyAsync(condition, TimeSpan.FromSeconds(2)))
            {
                return true;
            }
        }

        return condition();
    }

    /// <summary>Sends a raw input, sequence included (for malformed-input tests).</summary>
    /// <summary>Uses an ability on an entity (fire-and-forget, as a game client does).</summary>
    public Task UseAbilityAsync(string abilityId, int targetNetId) => connection.SendAsync(HubNames.UseAbility, ++abilitySequence, abilityId, targetNetId);

    public Task SendRawMoveAsync(long sequence, float dirX, float dirY) => connection.SendAsync(HubNames.Move, sequence, dirX, dirY);

    /// <summary>Creates a character with a unique name and enters the world with it.</summary>
    public async Task<(CharacterInfo Character, ZoneEntered Zone)> CreateAndEnterAsync(string prefix, string characterClass = "warrior")
    {
        var created = await CreateCharacterAsync(UniqueName(prefix), characterClass);
        if (!created.Ok)
        {
            throw new InvalidOperationException($"create failed: {created.Error?.Code} {created.Error?.Message}");
        }

        var entered = await EnterWorldAsync(created.Value!.Id);
        if (!entered.Ok)
        {
            throw new InvalidOperationException($"enter failed: {entered.Error?.Code} {entered.Error?.Message}");
        }

        return (created.Value, entered.Value!);
    }

    /// <summary>The entity this client sees with the given name, if any.</summary>
    public VisibleEntity? Find(string name)
    {
        lock (gate)
        {
            var all = new List<VisibleEntity>();
            view.CopyTo(all);
            return all.Cast<VisibleEntity?>().FirstOrDefault(e => e!.Value.Name == name);
        }
    }

    /// <summary>This client's own entity as it sees it.</summary>
    public VisibleEntity? Self()
    {
        lock (gate)
        {
            return Zone is { } zone && view.TryGet(zone.SelfNetId, out var self) ? self : null;
        }
    }

    public static string UniqueName(string prefix) => prefix + Guid.NewGuid().ToString("N")[..(16 - prefix.Length)];

    /// <summary>Polls until the condition holds; false if it never did within the timeout.</summary>
    public static async Task<bool> EventuallyAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (condition())
            {
                return true;
            }

            await Task.Delay(50);
        }

        return condition();
    }

    /// <summary>Waits until the own position stops changing (the character stood still for a while).</summary>
    public async Task<VisibleEntity> WaitUntilStillAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        VisibleEntity? last = null;
        var stillSince = DateTime.UtcNow;
        while (DateTime.UtcNow < deadline)
        {
            var now = Self();
            if (now is null || last is null || now.Value.X != last.Value.X || now.Value.Y != last.Value.Y)
            {
                (last, stillSince) = (now, DateTime.UtcNow);
            }
            else if (DateTime.UtcNow - stillSince > TimeSpan.FromMilliseconds(400))
            {
                return now.Value;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("the character never stood still");
    }

    public Task<CallResult<CharacterSheetInfo>> GetCharacterSheetAsync() =>
        connection.InvokeAsync<CallResult<CharacterSheetInfo>>(HubNames.GetCharacterSheet);

    public Task<CallResult<CharacterSheetInfo>> EquipItemAsync(int bagSlot) =>
        connection.InvokeAsync<CallResult<CharacterSheetInfo>>(HubNames.EquipItem, bagSlot);

    public Task<CallResult<CharacterSheetInfo>> UnequipItemAsync(string? equipmentSlot) =>
        connection.InvokeAsync<CallResult<CharacterSheetInfo>>(HubNames.UnequipItem, equipmentSlot);

    public Task<CallResult<CharacterSheetInfo>> UseItemAsync(int bagSlot) =>
        connection.InvokeAsync<CallResult<CharacterSheetInfo>>(HubNames.UseItem, bagSlot);

    public Task<CallResult<CharacterSheetInfo>> DiscardItemAsync(int bagSlot, int count) =>
        connection.InvokeAsync<CallResult<CharacterSheetInfo>>(HubNames.DiscardItem, bagSlot, count);

    public Task<CallResult<PartyInfo>> CreatePartyAsync() => connection.InvokeAsync<CallResult<PartyInfo>>(HubNames.CreateParty);

    public Task<CallResult<PartyInviteInfo>> InviteToPartyAsync(string? characterName) =>
        connection.InvokeAsync<CallResult<PartyInviteInfo>>(HubNames.InviteToParty, characterName);

    public Task<CallResult<PartyInfo>> AcceptPartyInviteAsync(string? partyId) =>
        connection.InvokeAsync<CallResult<PartyInfo>>(HubNames.AcceptPartyInvite, partyId);

    public Task<CallResult<PartyInfo>> DeclinePartyInviteAsync(string? partyId) =>
        connection.InvokeAsync<CallResult<PartyInfo>>(HubNames.DeclinePartyInvite, partyId);

    public Task<CallResult<PartyInfo>> LeavePartyAsync() => connection.InvokeAsync<CallResult<PartyInfo>>(HubNames.LeaveParty);

    public Task<CallResult<PartyInfo>> KickFromPartyAsync(string? characterName) =>
        connection.InvokeAsync<CallResult<PartyInfo>>(HubNames.KickFromParty, characterName);

    public Task<CallResult<PartyInfo>> PromotePartyLeaderAsync(string? characterName) =>
        connection.InvokeAsync<CallResult<PartyInfo>>(HubNames.PromotePartyLeader, characterName);

    public Task<CallResult<PartyInfo>> DisbandPartyAsync() => connection.InvokeAsync<CallResult<PartyInfo>>(HubNames.DisbandParty);

    public Task<CallResult<PartyInfo>> GetPartyAsync() => connection.InvokeAsync<CallResult<PartyInfo>>(HubNames.GetParty);

    public Task<CallResult<ChatMessage>> SendChatAsync(string? channel, string? text, string? toName = null) =>
        connection.InvokeAsync<CallResult<ChatMessage>>(HubNames.SendChat, channel, text, toName);

    public async ValueTask DisposeAsync() => await connection.DisposeAsync();

    private void OnDelta(WorldDelta delta)
    {
        DeltaTicks.Enqueue((delta.Tick, delta.AckInput));
        lock (gate)
        {
            try
            {
                view.Apply(delta.Payload);
                DeltasApplied++;
                LastAck = delta.AckInput;
            }
            catch (FormatException ex)
            {
                ApplyFailure ??= ex;
            }
        }
    }
}
