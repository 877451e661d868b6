using Sunderfall.Grains.Interfaces.Chat;
using Sunderfall.Grains.Interfaces.Common;
using Sunderfall.Grains.Interfaces.Names;
using Sunderfall.Grains.Interfaces.Parties;
using Sunderfall.Grains.Interfaces.Players;
using Sunderfall.Protocol.Errors;
using Sunderfall.Protocol.Social;
using ErrorCode = Sunderfall.Protocol.Errors.ErrorCode;

namespace Sunderfall.Frontend.Game;

/// <summary>
/// Parties and chat: checked here for form only; the party and chat grains apply the rules. Each call acts as the
/// connection's own character, and characters are named by the client and resolved to ids here.
/// </summary>
public sealed partial class GameHub
{
    /// <summary>Longest chat text accepted before the chat grain applies its own, tighter limit.</summary>
    private const int MaxChatTextInput = 1024;

    /// <summary>Longest id accepted before it is parsed.</summary>
    private const int MaxIdInput = 64;

    public async Task<CallResult<PartyInfo>> CreateParty()
    {
        if (registry.FindInWorld(Context.ConnectionId) is not { } session)
        {
            return NotInWorld<PartyInfo>("to create a party");
        }

        var result = await client.GetGrain<IPartyGrain>(Guid.NewGuid()).CreateAsync(session.PlayerId);
        return WireMapping.ToCallResult(result, SocialWireMapping.ToWire);
    }

    public async Task<CallResult<PartyInviteInfo>> InviteToParty(string? characterName)
    {
        if (registry.FindInWorld(Context.ConnectionId) is not { } session)
        {
            return NotInWorld<PartyInviteInfo>("to invite to a party");
        }

        if (NameRefusal<PartyInviteInfo>(characterName, nameof(characterName)) is { } refusal)
        {
            return refusal;
        }

        if (await PartyOfAsync(session.PlayerId) is not { } partyId)
        {
            return NotInParty<PartyInviteInfo>("create one with CreateParty, then invite");
        }

        if (await FindCharacterAsync(characterName!) is not { } targetId)
        {
            return NoSuchCharacter<PartyInviteInfo>(characterName!);
        }

        var result = await client.GetGrain<IPartyGrain>(partyId).InviteAsync(session.PlayerId, targetId);
        return WireMapping.ToCallResult(result, SocialWireMapping.ToWire);
    }

    public async Task<CallResult<PartyInfo>> AcceptPartyInvite(string? partyId)
    {
        if (registry.FindInWorld(Context.ConnectionId) is not { } session)
        {
            return NotInWorld<PartyInfo>("to join a party");
        }

        if (ParsePartyId(partyId) is not { } id)
        {
            return PartyIdRefusal();
        }

        if (await NoInviteAsync(session.PlayerId, id) is { } noInvite)
        {
            return noInvite;
        }

        var result = await client.GetGrain<IPartyGrain>(id).AcceptAsync(session.PlayerId);
        return WireMapping.ToCallResult(result, SocialWireMapping.ToWire);
    }

    public async Task<CallResult<PartyInfo>> DeclinePartyInvite(string? partyId)
    {
        if (registry.FindInWorld(Context.ConnectionId) is not { } session)
        {
            return NotInWorld<PartyInfo>("to decline a party invite");
        }

        if (ParsePartyId(partyId) is not { } id)
        {
            return PartyIdRefusal();
        }

        if (await NoInviteAsync(session.PlayerId, id) is { } noInvite)
        {
            return noInvite;
        }

        return ToPartyResult(await client.GetGrain<IPartyGrain>(id).DeclineAsync(session.PlayerId));
    }

    public async Task<CallResult<PartyInfo>> LeaveParty()
    {
        if (registry.FindInWorld(Context.ConnectionId) is not { } session)
        {
            return NotInWorld<PartyInfo>("to leave a party");
        }

        if (await PartyOfAsync(session.PlayerId) is not { } partyId)
        {
            return NotInParty<PartyInfo>("there is nothing to leave");
        }

        return ToPartyResult(await client.GetGrain<IPartyGrain>(partyId).LeaveAsync(session.PlayerId));
    }

    public async Task<CallResult<PartyInfo>> KickFromParty(string? characterName)
    {
        if (registry.FindInWorld(Context.ConnectionId) is not { } session)
        {
            return NotInWorld<PartyInfo>("to kick from a party");
        }

        if (NameRefusal<PartyInfo>(characterName, nameof(characterName)) is { } refusal)
        {
            return refusal;
        }

        if (await PartyOfAsync(session.PlayerId) is not { } partyId)
        {
            return NotInParty<PartyInfo>("only a party's leader can kick its members");
        }

        if (await FindCharacterAsync(characterName!) is not { } memberId)
        {
            return NoSuchCharacter<PartyInfo>(characterName!);
        }

        var result = await client.GetGrain<IPartyGrain>(partyId).KickAsync(session.PlayerId, memberId);
        return WireMapping.ToCallResult(result, SocialWireMapping.ToWire);
    }

    public async Task<CallResult<PartyInfo>> PromotePartyLeader(string? characterName)
    {
        if (registry.FindInWorld(Context.ConnectionId) is not { } session)
        {
            return NotInWorld<PartyInfo>("to promote a party leader");
        }

        if (NameRefusal<PartyInfo>(characterName, nameof(characterName)) is { } refusal)
        {
            return refusal;
        }

        if (await PartyOfAsync(session.PlayerId) is not { } partyId)
        {
            return NotInParty<PartyInfo>("only a party's leader can hand the lead to another member");
        }

        if (await FindCharacterAsync(characterName!) is not { } memberId)
        {
            return NoSuchCharacter<PartyInfo>(characterName!);
        }

        var result = await client.GetGrain<IPartyGrain>(partyId).PromoteAsync(session.PlayerId, memberId);
        return WireMapping.ToCallResult(result, SocialWireMapping.ToWire);
    }

    public async Task<CallResult<PartyInfo>> DisbandParty()
    {
        if (registry.FindInWorld(Context.ConnectionId) is not { } session)
        {
            return NotInWorld<PartyInfo>("to disband a party");
        }

        if (await PartyOfAsync(session.PlayerId) is not { } partyId)
        {
            return NotInParty<PartyInfo>("there is nothing to disband");
        }

        return ToPartyResult(await client.GetGrain<IPartyGrain>(partyId).DisbandAsync(session.PlayerId));
    }

    public async Task<CallResult<PartyInfo>> GetParty()
    {
        if (registry.FindInWorld(Context.ConnectionId) is not { } session)
        {
            return NotInWorld<PartyInfo>("to see its party");
        }

        if (await PartyOfAsync(session.PlayerId) is not { } partyId)
        {
            return CallResult<PartyInfo>.Success(SocialWireMapping.NoParty());
        }

        var party = await client.GetGrain<IPartyGrain>(partyId).GetAsync();
        // A membership left over from a change that failed half-way names a party that does not list the player.
        return CallResult<PartyInfo>.Success(party is not null && party.Members.Any(m => m.PlayerId == session.PlayerId)
            ? SocialWireMapping.ToWire(party)
            : SocialWireMapping.NoParty());
    }

    public async Task<CallResult<ChatMessage>> SendChat(string? channel, string? text, string? toName)
    {
        if (registry.FindInWorld(Context.ConnectionId) is not { } session)
        {
            return NotInWorld<ChatMessage>("to chat");
        }

        if (channel is null || channel.Length > MaxIdInput || !SocialWireMapping.SendableChannels.TryGetValue(channel, out var parsed))
        {
            return CallResult<ChatMessage>.Failure(
                ErrorCode.InvalidArgument, $"channel must be one of: {string.Join(", ", SocialWireMapping.SendableChannels.Keys)}");
        }

        if (text is null || text.Length > MaxChatTextInput)
        {
            return CallResult<ChatMessage>.Failure(
                ErrorCode.InvalidArgument, $"text must be a string of at most {MaxChatTextInput} characters (a chat line itself is shorter; see the protocol)");
        }

        if (parsed == ChatChannel.Whisper && NameRefusal<ChatMessage>(toName, nameof(toName)) is { } refusal)
        {
            return refusal;
        }

        var result = await client.GetGrain<IChatGrain>(session.PlayerId).SendAsync(parsed, text, parsed == ChatChannel.Whisper ? toName : null);
        return WireMapping.ToCallResult(result, WireMapping.ToWire);
    }

    private async Task<Guid?> PartyOfAsync(Guid playerId) => await client.GetGrain<IPartyMembershipGrain>(playerId).GetPartyAsync();

    private async Task<Guid?> FindCharacterAsync(string name) =>
        await client.GetGrain<ICharacterNameGrain>(CharacterNameKey(name)).GetOwnerAsync();

    /// <summary>
    /// The key a name is claimed under: the same as CharacterNames.Normalize in Sunderfall.Grains (which the frontend
    /// does not reference), so names differing only in case find the same character.
    /// </summary>
    private static string CharacterNameKey(string name) => name.ToUpperInvariant();

    private static Guid? ParsePartyId(string? partyId) =>
        partyId is not null && partyId.Length <= MaxIdInput && Guid.TryParseExact(partyId, "D", out var id) ? id : null;

    private static CallResult<PartyInfo> PartyIdRefusal() => CallResult<PartyInfo>.Failure(
        ErrorCode.InvalidArgument, "partyId must be a party id in GUID form, e.g. 9b2d6c1e-7f5a-4c3b-8e2d-1a0b9c8d7e6f (from PartyInvited)");

    // A name no character can have is refused here, before any name grain is activated.
    private static CallResult<T>? NameRefusal<T>(string? name, string argument)
        where T : class => !CharacterNameShape.IsWellFormed(name)
            ? CallResult<T>.Failure(ErrorCode.InvalidArgument, $"{argument} must be a character name: {CharacterNameShape.Rule}")
            : null;

    // Only the parties that invited this character are asked (its player grain remembers them): a made-up party id
    // activates no party grain.
    private async Task<CallResult<PartyInfo>?> NoInviteAsync(Guid playerId, Guid partyId) =>
        await client.GetGrain<IPlayerGrain>(playerId).WasInvitedToAsync(partyId)
            ? null
            : CallResult<PartyInfo>.Failure(ErrorCode.NotFound, $"no invite from party {partyId} is waiting for this character (invites come as PartyInvited)");

    private static CallResult<T> NotInParty<T>(string advice)
        where T : class => CallResult<T>.Failure(ErrorCode.PartyRule, $"you are not in a party; {advice}");

    private static CallResult<T> NoSuchCharacter<T>(string name)
        where T : class => CallResult<T>.Failure(ErrorCode.NotFound, $"no character is named {name}");

    /// <summary>The answer to a call that ends the caller's part in a party: an empty party, or the refusal.</summary>
    private static CallResult<PartyInfo> ToPartyResult(GameError? error) => error is null
        ? CallResult<PartyInfo>.Success(SocialWireMapping.NoParty())
        : CallResult<PartyInfo>.Failure(WireMapping.ToWire(error.Code), error.Message);
}
