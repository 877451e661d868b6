using Sunderfall.Grains.Interfaces.Chat;
using Sunderfall.Grains.Interfaces.Common;

namespace Sunderfall.Grains.Interfaces.Parties;

/// <summary>
/// One party, keyed by a party id the creator's caller picks (a new Guid). Holds the leader, the members in the order
/// they joined and the pending invites; which party a player is in is claimed through
/// <see cref="IPartyMembershipGrain"/>, so a player is never in two. After every change each member (and a removed
/// member, with null) is told through IPlayerGrain.OnPartyChangedAsync. The player ids passed in are the acting
/// players: the caller (the hub) passes the signed-in character's id, never one taken from a client.
/// </summary>
public interface IPartyGrain : IGrainWithGuidKey
{
    /// <summary>Creates the party with <paramref name="leaderId"/> as leader and only member; refused if they are in a party.</summary>
    Task<GameResult<PartySnapshot>> CreateAsync(Guid leaderId);

    /// <summary>
    /// The leader invites a character, which must be online (it is sent a PartyInvited event) and in no party; the
    /// invite lasts PartyOptions.InviteLifetime. Inviting again renews the invite.
    /// </summary>
    Task<GameResult<PartyInvite>> InviteAsync(Guid leaderId, Guid targetId);

    /// <summary>
    /// An invited player joins, if the invite is still valid, the party has room and the player is in no other party.
    /// Accepting again once a member returns the party as it is.
    /// </summary>
    Task<GameResult<PartySnapshot>> AcceptAsync(Guid playerId);

    /// <summary>An invited player turns the invite down; null on success.</summary>
    Task<GameError?> DeclineAsync(Guid playerId);

    /// <summary>
    /// A member leaves; null on success. A leaving leader hands the lead to the longest-standing member; the last
    /// member leaving ends the party. A player who is not a member but whose membership still names this party
    /// (left over from a failure mid-change) is freed, and told they were not a member.
    /// </summary>
    Task<GameError?> LeaveAsync(Guid playerId);

    /// <summary>The leader removes a member.</summary>
    Task<GameResult<PartySnapshot>> KickAsync(Guid leaderId, Guid memberId);

    /// <summary>The leader hands the lead to another member.</summary>
    Task<GameResult<PartySnapshot>> PromoteAsync(Guid leaderId, Guid memberId);

    /// <summary>The leader ends the party: every member is freed and told; null on success.</summary>
    Task<GameError?> DisbandAsync(Guid leaderId);

    /// <summary>The party as it stands, or null if it does not exist (never created, or disbanded).</summary>
    Task<PartySnapshot?> GetAsync();

    /// <summary>
    /// Delivers a party chat line from <see cref="ChatLine.FromPlayerId"/> to every member (the sender included);
    /// refused if the sender is not a member. Called by the sender's chat grain, which validated the line.
    /// </summary>
    Task<GameError?> ChatAsync(ChatLine line);
}
