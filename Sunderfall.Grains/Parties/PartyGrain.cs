using Microsoft.Extensions.Options;
using Sunderfall.Grains.Interfaces.Chat;
using Sunderfall.Grains.Interfaces.Common;
using Sunderfall.Grains.Interfaces.Parties;
using Sunderfall.Grains.Interfaces.Players;
using Sunderfall.Grains.Transactions;

namespace Sunderfall.Grains.Parties;

/// <summary>
/// One party (rules in <see cref="PartyRoster"/>). Joining claims the player's membership grain before the party
/// stores them; leaving stores the party before the claim is released; so a failure half-way leaves at worst a claim
/// naming a party that does not list the player, which that player's next LeaveAsync frees. The only player grain
/// methods awaited here (GetAsync, DeliverAsync) never call a party grain, and members are told of changes one-way,
/// so no call can come back here while this grain waits.
/// </summary>
public sealed class PartyGrain(
    [PersistentState("party", GrainStorage.Game)] IPersistentState<PartyState> state,
    IOptions<PartyOptions> options,
    TimeProvider clock,
    ITransactionLog log) : Grain, IPartyGrain
{
    private Guid Id => this.GetPrimaryKey();

    private PartyRoster Roster => new(state.State, options.Value);

    public async Task<GameResult<PartySnapshot>> CreateAsync(Guid leaderId)
    {
        if (Roster.Exists)
        {
            // A retried create is answered as the original was.
            return state.State.LeaderId == leaderId && state.State.Members.Count == 1
                ? GameResult<PartySnapshot>.Success(Roster.Snapshot(Id))
                : Fail<PartySnapshot>(new(GameErrorCode.PartyRule, "a party with this id already exists; create a party under a new id"));
        }

        if (await Player(leaderId).GetAsync() is not { } leader)
        {
            return Fail<PartySnapshot>(new(GameErrorCode.CharacterNotFound, $"no character has the id {leaderId}"));
        }

        if (!await Membership(leaderId).TryClaimAsync(Id))
        {
            return Fail<PartySnapshot>(new(GameErrorCode.AlreadyInParty, "you are already in a party; leave it before creating another"));
        }

        var now = clock.GetUtcNow();
        state.State = new PartyState
        {
            LeaderId = leaderId,
            CreatedAt = now,
            Members = [new PartyMemberState { PlayerId = leaderId, Name = leader.Name, JoinedAt = now }],
        };
        await SaveAsync(claimed: leaderId);
        return Changed(TransactionKinds.PartyCreated, leaderId);
    }

    public async Task<GameResult<PartyInvite>> InviteAsync(Guid leaderId, Guid targetId)
    {
        if (Roster.RefuseInvite(leaderId, targetId) is { } refused)
        {
            return Fail<PartyInvite>(refused);
        }

        if (await Player(targetId).GetAsync() is not { } target)
        {
            return Fail<PartyInvite>(new(GameErrorCode.CharacterNotFound, $"no character has the id {targetId}"));
        }

        if (await Membership(targetId).GetPartyAsync() is not null)
        {
            return Fail<PartyInvite>(new(GameErrorCode.AlreadyInParty, $"{target.Name} is already in a party"));
        }

        var now = clock.GetUtcNow();
        var invite = new PartyInvite(Id, leaderId, Roster.LeaderName, now + options.Value.InviteLifetime);
        // Sent before it is stored: if storing fails, the invitee holds an invite that accepting answers with NotFound.
        if (!await Player(targetId).DeliverAsync(new PlayerEvent(targetId, PlayerEventKind.PartyInvited, Invite: invite)))
        {
            return Fail<PartyInvite>(new(GameErrorCode.PlayerOffline, $"{target.Name} is not online; only characters in the world can be invited"));
        }

        Roster.AddInvite(new PartyInviteState { PlayerId = targetId, Name = target.Name, InvitedBy = leaderId, ExpiresAt = invite.ExpiresAt }, now);
        await SaveAsync();
        Log(TransactionKinds.PartyInvited, leaderId, targetId);
        return GameResult<PartyInvite>.Success(invite);
    }

    public async Task<GameResult<PartySnapshot>> AcceptAsync(Guid playerId)
    {
        var roster = Roster;
        if (!roster.Exists)
        {
            return Fail<PartySnapshot>(PartyRoster.NoParty);
        }

        if (roster.Member(playerId) is not null)
        {
            return GameResult<PartySnapshot>.Success(roster.Snapshot(Id));
        }

        if (roster.Invite(playerId) is not { } invite)
        {
            return Fail<PartySnapshot>(new(GameErrorCode.NotFound, "you have no invite to this party; ask its leader for one"));
        }

        var now = clock.GetUtcNow();
        if (roster.RefuseIfExpired(invite, now) is { } expired)
        {
            state.State.Invites.Remove(invite);
            await SaveAsync();
            return Fail<PartySnapshot>(expired);
        }

        if (roster.RefuseIfFull() is { } full)
        {
            return Fail<PartySnapshot>(full);
        }

        // Claimed first: of two parties accepting the same player at once, the membership grain lets one win. No other
        // call runs here while this turn waits on the claim (the grain is not reentrant), so the room seen above stays free.
        if (!await Membership(playerId).TryClaimAsync(Id))
        {
            return Fail<PartySnapshot>(new(GameErrorCode.AlreadyInParty, "you are already in a party; leave it before joining another"));
        }

        roster.Join(invite, now);
        await SaveAsync(claimed: playerId);
        return Changed(TransactionKinds.PartyJoined, playerId);
    }

    public async Task<GameError?> DeclineAsync(Guid playerId)
    {
        if (!Roster.Exists)
        {
            return PartyRoster.NoParty;
        }

        if (Roster.Invite(playerId) is not { } invite)
        {
            return new GameError(GameErrorCode.NotFound, "you have no invite to this party");
        }

        state.State.Invites.Remove(invite);
        await SaveAsync();
        Log(TransactionKinds.PartyDeclined, playerId, invite.InvitedBy);
        return null;
    }

    public async Task<GameError?> LeaveAsync(Guid playerId)
    {
        if (Roster.Member(playerId) is not { } member)
        {
            // A claim naming this party without a place in it is left over from a change that failed half-way (this
            // party's own claims are made only in its turns, so none is in progress): free the player.
            await Membership(playerId).ReleaseAsync(Id);
            return new GameError(GameErrorCode.PartyRule, "you are not a member of this party");
        }

        await RemoveAsync(member, TransactionKinds.PartyLeft, playerId);
        return null;
    }

    public async Task<GameResult<PartySnapshot>> KickAsync(Guid leaderId, Guid memberId)
    {
        if (Roster.RefuseKick(leaderId, memberId) is { } refused)
        {
            return Fail<PartySnapshot>(refused);
        }

        await RemoveAsync(Roster.Member(memberId)!, TransactionKinds.PartyKicked, leaderId);
        return GameResult<PartySnapshot>.Success(Roster.Snapshot(Id));
    }

    public async Task<GameResult<PartySnapshot>> PromoteAsync(Guid leaderId, Guid memberId)
    {
        if (Roster.RefusePromote(leaderId, memberId) is { } refused)
        {
            return Fail<PartySnapshot>(refused);
        }

        state.State.LeaderId = memberId;
        await SaveAsync();
        return Changed(TransactionKinds.PartyPromoted, leaderId, memberId);
    }

    public async Task<GameError?> DisbandAsync(Guid leaderId)
    {
        if (Roster.RefuseUnlessLeader(leaderId) is { } refused)
        {
            return refused;
        }

        await EndAsync(leaderId, [.. state.State.Members.Select(m => m.PlayerId)]);
        return null;
    }

    public Task<PartySnapshot?> GetAsync() => Task.FromResult(Roster.Exists ? Roster.Snapshot(Id) : null);

    public async Task<GameError?> ChatAsync(ChatLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (Roster.Member(line.FromPlayerId) is null)
        {
            return new GameError(GameErrorCode.PartyRule, "you are not a member of this party");
        }

        // Awaited safely: DeliverAsync only forwards to the member's frontend.
        await Task.WhenAll(state.State.Members.Select(m => Player(m.PlayerId).DeliverAsync(new PlayerEvent(m.PlayerId, PlayerEventKind.Chat, Chat: line))));
        return null;
    }

    private async Task RemoveAsync(PartyMemberState member, string kind, Guid actorId)
    {
        var targetId = member.PlayerId == actorId ? (Guid?)null : member.PlayerId;
        var successor = Roster.Remove(member);
        if (!Roster.Exists)
        {
            Log(kind, actorId, targetId);
            await EndAsync(actorId, [member.PlayerId]);
            return;
        }

        await SaveAsync();
        await Membership(member.PlayerId).ReleaseAsync(Id);
        _ = Player(member.PlayerId).OnPartyChangedAsync(null);
        Changed(kind, actorId, targetId);
        if (successor is not null)
        {
            Log(TransactionKinds.PartyPromoted, member.PlayerId, successor.PlayerId);
        }
    }

    private async Task EndAsync(Guid actorId, IReadOnlyList<Guid> freed)
    {
        try
        {
            await state.ClearStateAsync();
        }
        catch
        {
            // Memory ran ahead of storage: the next activation starts from what is stored.
            DeactivateOnIdle();
            throw;
        }

        state.State = new PartyState();
        await Task.WhenAll(freed.Select(p => Membership(p).ReleaseAsync(Id)));
        foreach (var player in freed)
        {
            _ = Player(player).OnPartyChangedAsync(null);
        }

        Log(TransactionKinds.PartyDisbanded, actorId, null, freed.Count);
        DeactivateOnIdle();
    }

    /// <summary>Logs the change, tells every member the party as it now is and returns it.</summary>
    private GameResult<PartySnapshot> Changed(string kind, Guid actorId, Guid? targetId = null)
    {
        var snapshot = Roster.Snapshot(Id);
        Log(kind, actorId, targetId);
        foreach (var member in snapshot.Members)
        {
            // OnPartyChangedAsync is [OneWay]: the party never waits on a member.
            _ = Player(member.PlayerId).OnPartyChangedAsync(snapshot);
        }

        return GameResult<PartySnapshot>.Success(snapshot);
    }

    private async Task SaveAsync(Guid? claimed = null)
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Memory ran ahead of storage: the next activation starts from what is stored, and a player claimed for
            // this change is freed.
            DeactivateOnIdle();
            if (claimed is { } player)
            {
                await Membership(player).ReleaseAsync(Id);
            }

            throw;
        }
    }

    private void Log(string kind, Guid actorId, Guid? targetId, int? members = null) =>
        log.Append(new TransactionEntry(clock.GetUtcNow(), kind, actorId, targetId, Details: new Dictionary<string, object?>
        {
            ["partyId"] = Id,
            ["members"] = members ?? state.State.Members.Count,
        }));

    private IPlayerGrain Player(Guid playerId) => GrainFactory.GetGrain<IPlayerGrain>(playerId);

    private IPartyMembershipGrain Membership(Guid playerId) => GrainFactory.GetGrain<IPartyMembershipGrain>(playerId);

    private static GameResult<T> Fail<T>(GameError error) => new(default, error);
}
