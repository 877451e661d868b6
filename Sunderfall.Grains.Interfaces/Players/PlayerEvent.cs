using Sunderfall.Grains.Interfaces.Chat;
using Sunderfall.Grains.Interfaces.Parties;
using Sunderfall.Grains.Interfaces.Rewards;

namespace Sunderfall.Grains.Interfaces.Players;

/// <summary>
/// Something one player's client must be told that does not come from its zone's tick (chat, party, rewards,
/// character changes). Sent by the player grain to the frontend that serves the player; only the field named by
/// <see cref="Kind"/> is set (and <see cref="Sheet"/> with rewards).
/// </summary>
[GenerateSerializer, Immutable, Alias("sf.PlayerEvent")]
public sealed record PlayerEvent(
    [property: Id(0)] Guid PlayerId,
    [property: Id(1)] PlayerEventKind Kind,
    [property: Id(2)] ChatLine? Chat = null,
    [property: Id(3)] PartySnapshot? Party = null,
    [property: Id(4)] PartyInvite? Invite = null,
    [property: Id(5)] RewardGrant? Reward = null,
    [property: Id(6)] CharacterSheet? Sheet = null);
