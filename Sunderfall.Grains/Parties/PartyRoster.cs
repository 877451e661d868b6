using Sunderfall.Grains.Interfaces.Common;
using Sunderfall.Grains.Interfaces.Parties;

namespace Sunderfall.Grains.Parties;

/// <summary>
/// The party rules that need no other grain: who may do what, when the party is full, who leads after the leader
/// leaves, and the snapshot members see. Works on the grain's <see cref="PartyState"/>.
/// </summary>
public sealed class PartyRoster(PartyState party, PartyOptions options)
{
    /// <summary>The refusal for a party that does not exist.</summary>
    public static readonly GameError NoParty = new(GameErrorCode.NotFound, "this party does not exist (it was never created, or it was disbanded)");

    /// <summary>True while the party has members (no members: never created, or disbanded).</summary>
    public bool Exists => party.Members.Count > 0;

    public string LeaderName => Member(party.LeaderId)?.Name ?? "";

    public PartyMemberState? Member(Guid playerId) => party.Members.Find(m => m.PlayerId == playerId);

    public PartyInviteState? Invite(Guid playerId) => party.Invites.Find(i => i.PlayerId == playerId);

    /// <summary>Why <paramref name="playerId"/> may not act as leader, or null if they lead this party.</summary>
    public GameError? RefuseUnlessLeader(Guid playerId) =>
        !Exists ? NoParty
        : party.LeaderId != playerId ? new GameError(GameErrorCode.PartyRule, $"only the party leader ({LeaderName}) may do this")
        : null;

    /// <summary>Why nobody more can join, or null if there is room.</summary>
    public GameError? RefuseIfFull() => party.Members.Count >= options.MaxSize
        ? new GameError(GameErrorCode.PartyRule, $"the party is full: it has {party.Members.Count} members and a party holds at most {options.MaxSize}")
        : null;

    /// <summary>Why <paramref name="invite"/> can no longer be accepted at <paramref name="now"/>, or null.</summary>
    public GameError? RefuseIfExpired(PartyInviteState invite, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(invite);
        return invite.ExpiresAt > now ? null : new GameError(
            GameErrorCode.PartyRule,
            $"the invite expired at {invite.ExpiresAt:HH:mm:ss} UTC (invites last {options.InviteLifetime.TotalSeconds:0.#} s); ask the leader for a new one");
    }

    /// <summary>Why the leader may not invite <paramref name="targetId"/> (before asking anyone else), or null.</summary>
    public GameError? RefuseInvite(Guid leaderId, Guid targetId) =>
        RefuseUnlessLeader(leaderId)
        ?? (targetId == leaderId ? new GameError(GameErrorCode.InvalidArgument, "you cannot invite yourself") : null)
        ?? (Member(targetId) is { } member ? new GameError(GameErrorCode.PartyRule, $"{member.Name} is already in this party") : null)
        ?? RefuseIfFull();

    /// <summary>Why the leader may not kick <paramref name="memberId"/>, or null.</summary>
    public GameError? RefuseKick(Guid leaderId, Guid memberId) =>
        RefuseUnlessLeader(leaderId)
        ?? (memberId == leaderId ? new GameError(GameErrorCode.InvalidArgument, "you cannot kick yourself; leave the party instead") : null)
        ?? (Member(memberId) is null ? new GameError(GameErrorCode.PartyRule, "that character is not a member of this party") : null);

    /// <summary>Why the leader may not hand the lead to <paramref name="memberId"/>, or null.</summary>
    public GameError? RefusePromote(Guid leaderId, Guid memberId) =>
        RefuseUnlessLeader(leaderId)
        ?? (memberId == leaderId ? new GameError(GameErrorCode.InvalidArgument, "you already lead this party") : null)
        ?? (Member(memberId) is null ? new GameError(GameErrorCode.PartyRule, "only a member of this party can be made its leader") : null);

    /// <summary>Records an invite, replacing any earlier one to the same player and dropping expired ones.</summary>
    public void AddInvite(PartyInviteState invite, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(invite);
        party.Invites.RemoveAll(i => i.PlayerId == invite.PlayerId || i.ExpiresAt <= now);
        party.Invites.Add(invite);
    }

    /// <summary>Turns an invite into membership.</summary>
    public void Join(PartyInviteState invite, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(invite);
        party.Invites.Remove(invite);
        party.Members.Add(new PartyMemberState { PlayerId = invite.PlayerId, Name = invite.Name, JoinedAt = now });
    }

    /// <summary>
    /// Removes a member; if they led, the longest-standing remaining member leads and is returned. Members are kept in
    /// joining order, so that is the first one left.
    /// </summary>
    public PartyMemberState? Remove(PartyMemberState member)
    {
        party.Members.Remove(member);
        if (party.LeaderId != member.PlayerId || party.Members.Count == 0)
        {
            return null;
        }

        party.LeaderId = party.Members[0].PlayerId;
        return party.Members[0];
    }

    public PartySnapshot Snapshot(Guid partyId) =>
        new(partyId, party.LeaderId, [.. party.Members.Select(m => new PartyMember(m.PlayerId, m.Name))], options.MaxSize);
}
