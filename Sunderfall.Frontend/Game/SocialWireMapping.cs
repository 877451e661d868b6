using Sunderfall.Grains.Interfaces.Chat;
using Sunderfall.Grains.Interfaces.Inventory;
using Sunderfall.Grains.Interfaces.Parties;
using Sunderfall.Grains.Interfaces.Players;
using Sunderfall.Grains.Interfaces.Rewards;
using Sunderfall.Protocol;
using Sunderfall.Protocol.Characters;
using Sunderfall.Protocol.Social;

namespace Sunderfall.Frontend.Game;

/// <summary>Maps the grain contracts of parties, chat, the character sheet and rewards to wire messages.</summary>
public static class SocialWireMapping
{
    /// <summary>Wire names of the chat channels a player may send on.</summary>
    public static readonly IReadOnlyDictionary<string, ChatChannel> SendableChannels = new Dictionary<string, ChatChannel>(StringComparer.OrdinalIgnoreCase)
    {
        ["zone"] = ChatChannel.Zone,
        ["party"] = ChatChannel.Party,
        ["whisper"] = ChatChannel.Whisper,
    };

    /// <summary>The reply and event meaning "no party".</summary>
    public static PartyInfo NoParty() => new();

    public static PartyInfo ToWire(PartySnapshot? party) => party is null ? NoParty() : new()
    {
        PartyId = WireMapping.Id(party.PartyId),
        LeaderId = WireMapping.Id(party.LeaderId),
        Members = [.. party.Members.Select(m => new PartyMemberInfo { Id = WireMapping.Id(m.PlayerId), Name = m.Name })],
        MaxSize = party.MaxSize,
    };

    public static PartyInviteInfo ToWire(PartyInvite invite) => new()
    {
        PartyId = WireMapping.Id(invite.PartyId),
        FromId = WireMapping.Id(invite.FromPlayerId),
        FromName = invite.FromName,
        ExpiresAt = invite.ExpiresAt.ToUnixTimeMilliseconds(),
    };

    public static CharacterSheetInfo ToWire(CharacterSheet sheet) => new()
    {
        Id = WireMapping.Id(sheet.Id),
        Name = sheet.Name,
        Class = sheet.Class.ToString().ToLowerInvariant(),
        Level = sheet.Level,
        Experience = sheet.Experience,
        ExperienceToNextLevel = sheet.ExperienceToNextLevel,
        Gold = sheet.Gold,
        Stats = ToWire(sheet.Stats),
        Bag = [.. sheet.Bag.Select(i => new InventoryItemInfo { Slot = i.Slot, ItemId = i.ItemId, Count = i.Count })],
        BagCapacity = sheet.BagCapacity,
        Equipped = new Dictionary<string, string>(sheet.Equipped, StringComparer.Ordinal),
        Overflow = [.. (sheet.Overflow ?? []).Select(ToWire)],
    };

    public static StatsInfo ToWire(CharacterStats stats) => new()
    {
        Strength = stats.Strength,
        Agility = stats.Agility,
        Intellect = stats.Intellect,
        Stamina = stats.Stamina,
        Armor = stats.Armor,
        MaxHealth = stats.MaxHealth,
        MaxResource = stats.MaxResource,
        Power = stats.Power,
    };

    public static ItemCountInfo ToWire(ItemCount items) => new() { ItemId = items.ItemId, Count = items.Count };

    public static RewardInfo ToWire(RewardGrant grant, CharacterSheet? sheet) => new()
    {
        EncounterId = WireMapping.Id(grant.EncounterId),
        Experience = grant.Experience,
        Gold = grant.Gold,
        Items = [.. grant.Items.Select(ToWire)],
        At = grant.At.ToUnixTimeMilliseconds(),
        Sheet = sheet is null ? null : ToWire(sheet),
    };

    /// <summary>The hub event and message a player event becomes, or null if it carries nothing to send.</summary>
    public static (string Event, object Message)? ToWireEvent(PlayerEvent playerEvent)
    {
        ArgumentNullException.ThrowIfNull(playerEvent);
        return playerEvent switch
        {
            { Kind: PlayerEventKind.Chat, Chat: { } line } => (HubNames.ChatEvent, WireMapping.ToWire(line)),
            // A null party is news too: the character is in no party any more.
            { Kind: PlayerEventKind.PartyChanged } => (HubNames.PartyChangedEvent, ToWire(playerEvent.Party)),
            { Kind: PlayerEventKind.PartyInvited, Invite: { } invite } => (HubNames.PartyInvitedEvent, ToWire(invite)),
            { Kind: PlayerEventKind.RewardGranted, Reward: { } grant } => (HubNames.RewardEvent, ToWire(grant, playerEvent.Sheet)),
            { Kind: PlayerEventKind.SheetChanged, Sheet: { } sheet } => (HubNames.SheetChangedEvent, ToWire(sheet)),
            _ => null,
        };
    }
}
