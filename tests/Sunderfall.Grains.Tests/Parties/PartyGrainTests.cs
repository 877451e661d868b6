using Orleans.Core.Internal;
using Sunderfall.Grains.Interfaces.Common;
using Sunderfall.Grains.Interfaces.Parties;
using Sunderfall.Grains.Interfaces.Players;
using Sunderfall.Grains.Tests.Transactions;
using Sunderfall.Grains.Transactions;
using Xunit;

namespace Sunderfall.Grains.Tests.Parties;

[Collection(ClusterCollectionDefinition.Name)]
public sealed class PartyGrainTests(ClusterFixture fixture)
{
    private readonly IClusterClient client = fixture.Client;

    [Fact]
    public async Task CreateAsync_MakesTheCreatorTheLeaderAndOnlyMember_AndRecordsTheirMembership()
    {
        var leader = await OnlineCharacter.CreateOfflineAsync(client);
        var party = NewParty();

        var created = await party.CreateAsync(leader);

        Assert.True(created.IsSuccess, created.Error?.Message);
        Assert.Equal(leader, created.Value!.LeaderId);
        Assert.Equal([leader], created.Value.Members.Select(m => m.PlayerId));
        Assert.Equal(TestParties.MaxSize, created.Value.MaxSize);
        Assert.Equal(party.GetPrimaryKey(), await Membership(leader).GetPartyAsync());
    }

    [Fact]
    public async Task CreateAsync_WhenTheCreatorIsAlreadyInAParty_IsRefused()
    {
        var leader = await OnlineCharacter.CreateOfflineAsync(client);
        var first = await CreatePartyAsync(leader);
        var second = NewParty();

        var refused = await second.CreateAsync(leader);

        Assert.Equal(GameErrorCode.AlreadyInParty, refused.Error?.Code);
        Assert.Null(await second.GetAsync());
        Assert.Equal(first.GetPrimaryKey(), await Membership(leader).GetPartyAsync());
    }

    [Fact]
    public async Task InviteThenAccept_AddsTheInvitee_AndTellsEveryMemberTheNewParty()
    {
        await using var leader = await OnlineCharacter.EnterAsync(client);
        await using var invitee = await OnlineCharacter.EnterAsync(client);
        var party = await CreatePartyAsync(leader.Id);

        var invite = await party.InviteAsync(leader.Id, invitee.Id);
        var invited = await invitee.WaitForEventAsync("a party invite", e => e.Kind == PlayerEventKind.PartyInvited);
        var accepted = await party.AcceptAsync(invitee.Id);

        Assert.True(invite.IsSuccess, invite.Error?.Message);
        Assert.Equal(invite.Value, invited.Invite);
        Assert.Equal(leader.Name, invited.Invite!.FromName);
        Assert.True(accepted.IsSuccess, accepted.Error?.Message);
        Assert.Equal([leader.Id, invitee.Id], accepted.Value!.Members.Select(m => m.PlayerId));
        Assert.Equal([leader.Name, invitee.Name], accepted.Value.Members.Select(m => m.Name));
        Assert.Equal(party.GetPrimaryKey(), await Membership(invitee.Id).GetPartyAsync());
        foreach (var member in new[] { leader, invitee })
        {
            await member.WaitForPartyChangeAsync("the party of two", e => e.Party?.Members.Count == 2);
        }
    }

    [Fact]
    public async Task InviteAsync_ByAMemberWhoIsNotTheLeader_IsRefusedNamingTheLeader()
    {
        await using var member = await OnlineCharacter.EnterAsync(client);
        await using var target = await OnlineCharacter.EnterAsync(client);
        var leader = await OnlineCharacter.CreateOfflineAsync(client);
        var party = await CreatePartyAsync(leader);
        await JoinAsync(party, leader, member.Id);

        var refused = await party.InviteAsync(member.Id, target.Id);

        Assert.Equal(GameErrorCode.PartyRule, refused.Error?.Code);
        Assert.Contains("leader", refused.Error!.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(target.Events, e => e.Kind == PlayerEventKind.PartyInvited);
    }

    [Fact]
    public async Task InviteAsync_WhenTheTargetIsOffline_IsRefusedAsPlayerOffline()
    {
        var leader = await OnlineCharacter.CreateOfflineAsync(client);
        var offlineName = TestWorld.UniqueName();
        var offline = await OnlineCharacter.CreateOfflineAsync(client, offlineName);
        var party = await CreatePartyAsync(leader);

        var refused = await party.InviteAsync(leader, offline);

        Assert.Equal(GameErrorCode.PlayerOffline, refused.Error?.Code);
        Assert.Contains(offlineName, refused.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(GameErrorCode.NotFound, (await party.AcceptAsync(offline)).Error?.Code);
    }

    [Fact]
    public async Task InviteAsync_WhenTheTargetIsInAnotherParty_IsRefused()
    {
        await using var target = await OnlineCharacter.EnterAsync(client);
        var party = await CreatePartyAsync(await OnlineCharacter.CreateOfflineAsync(client));
        await CreatePartyAsync(target.Id);
        var leader = (await party.GetAsync())!.LeaderId;

        var refused = await party.InviteAsync(leader, target.Id);

        Assert.Equal(GameErrorCode.AlreadyInParty, refused.Error?.Code);
        Assert.Contains(target.Name, refused.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AcceptAsync_WithoutAnInvite_IsNotFound()
    {
        var leader = await OnlineCharacter.CreateOfflineAsync(client);
        var stranger = await OnlineCharacter.CreateOfflineAsync(client);
        var party = await CreatePartyAsync(leader);

        var refused = await party.AcceptAsync(stranger);

        Assert.Equal(GameErrorCode.NotFound, refused.Error?.Code);
        Assert.Null(await Membership(stranger).GetPartyAsync());
    }

    [Fact]
    public async Task AcceptAsync_AfterTheInviteLifetime_IsRefusedAsExpired_AndLeavesThePlayerFree()
    {
        await using var invitee = await OnlineCharacter.EnterAsync(client);
        var leader = await OnlineCharacter.CreateOfflineAsync(client);
        var party = await CreatePartyAsync(leader);
        var invite = await party.InviteAsync(leader, invitee.Id);

        await Task.Delay(TestParties.InviteLifetime + TimeSpan.FromMilliseconds(500));
        var refused = await party.AcceptAsync(invitee.Id);

        Assert.True(invite.IsSuccess, invite.Error?.Message);
        Assert.Equal(GameErrorCode.PartyRule, refused.Error?.Code);
        Assert.Contains("expired", refused.Error!.Message, StringComparison.Ordinal);
        Assert.Null(await Membership(invitee.Id).GetPartyAsync());
        Assert.Single((await party.GetAsync())!.Members);
    }

    [Fact]
    public async Task DeclineAsync_RemovesTheInvite_SoAcceptingAfterwardsIsNotFound()
    {
        await using var invitee = await OnlineCharacter.EnterAsync(client);
        var leader = await OnlineCharacter.CreateOfflineAsync(client);
        var party = await CreatePartyAsync(leader);
        await party.InviteAsync(leader, invitee.Id);

        var declined = await party.DeclineAsync(invitee.Id);
        var accepted = await party.AcceptAsync(invitee.Id);

        Assert.Null(declined);
        Assert.Equal(GameErrorCode.NotFound, accepted.Error?.Code);
        Assert.Null(await Membership(invitee.Id).GetPartyAsync());
    }

    [Fact]
    public async Task InviteAsync_WhenThePartyIsFull_IsRefusedSayingTheLimit()
    {
        var (party, leader, members) = await FullPartyAsync();
        var sixth = await OnlineCharacter.CreateOfflineAsync(client);

        var refused = await party.InviteAsync(leader, sixth);

        Assert.Equal(GameErrorCode.PartyRule, refused.Error?.Code);
        Assert.Contains($"at most {TestParties.MaxSize}", refused.Error!.Message, StringComparison.Ordinal);
        await DisposeAllAsync(members);
    }

    [Fact]
    public async Task AcceptAsync_WhenThePartyFilledAfterTheInvite_IsRefused_AndThePlayerStaysFree()
    {
        var leader = await OnlineCharacter.CreateOfflineAsync(client);
        var party = await CreatePartyAsync(leader);
        await using var late = await OnlineCharacter.EnterAsync(client);
        Assert.True((await party.InviteAsync(leader, late.Id)).IsSuccess);
        var others = new List<OnlineCharacter>();
        for (var i = 1; i < TestParties.MaxSize; i++)
        {
            others.Add(await OnlineCharacter.EnterAsync(client));
            await JoinAsync(party, leader, others[^1].Id);
        }

        var refused = await party.AcceptAsync(late.Id);

        Assert.Equal(GameErrorCode.PartyRule, refused.Error?.Code);
        Assert.Contains("full", refused.Error!.Message, StringComparison.Ordinal);
        Assert.Null(await Membership(late.Id).GetPartyAsync());
        Assert.Equal(TestParties.MaxSize, (await party.GetAsync())!.Members.Count);
        await DisposeAllAsync(others);
    }

    [Fact]
    public async Task LeaveAsync_ByTheLeader_HandsTheLeadToTheLongestStandingMember_AndTellsTheLeaverTheyHaveNoParty()
    {
        await using var leader = await OnlineCharacter.EnterAsync(client);
        await using var first = await OnlineCharacter.EnterAsync(client);
        await using var second = await OnlineCharacter.EnterAsync(client);
        var party = await CreatePartyAsync(leader.Id);
        await JoinAsync(party, leader.Id, first.Id);
        await JoinAsync(party, leader.Id, second.Id);

        var left = await party.LeaveAsync(leader.Id);
        var after = await party.GetAsync();

        Assert.Null(left);
        Assert.Equal(first.Id, after!.LeaderId);
        Assert.Equal([first.Id, second.Id], after.Members.Select(m => m.PlayerId));
        Assert.Null(await Membership(leader.Id).GetPartyAsync());
        await leader.WaitForPartyChangeAsync("no party (null)", e => e.Party is null);
        await second.WaitForPartyChangeAsync("a party led by the first joiner", e => e.Party?.LeaderId == first.Id);
    }

    [Fact]
    public async Task LeaveAsync_ByTheLastMember_DisbandsTheParty()
    {
        var leader = await OnlineCharacter.CreateOfflineAsync(client);
        var party = await CreatePartyAsync(leader);

        var left = await party.LeaveAsync(leader);

        Assert.Null(left);
        Assert.Null(await party.GetAsync());
        Assert.Null(await Membership(leader).GetPartyAsync());
        Assert.Equal(GameErrorCode.NotFound, (await party.InviteAsync(leader, Guid.NewGuid())).Error?.Code);
    }

    [Fact]
    public async Task LeaveAsync_WhenTheMembershipNamesAPartyThatDoesNotListThePlayer_FreesThePlayer()
    {
        // What a failure between claiming a player and storing the party leaves behind.
        var player = await OnlineCharacter.CreateOfflineAsync(client);
        var party = NewParty();
        Assert.True(await Membership(player).TryClaimAsync(party.GetPrimaryKey()));

        var refused = await party.LeaveAsync(player);

        Assert.Equal(GameErrorCode.PartyRule, refused?.Code);
        Assert.Null(await Membership(player).GetPartyAsync());
        Assert.True((await NewParty().CreateAsync(player)).IsSuccess);
    }

    [Fact]
    public async Task KickAsync_ByTheLeader_RemovesTheMember_AndTellsThemTheyHaveNoParty()
    {
        await using var member = await OnlineCharacter.EnterAsync(client);
        var leader = await OnlineCharacter.CreateOfflineAsync(client);
        var party = await CreatePartyAsync(leader);
        await JoinAsync(party, leader, member.Id);

        var kicked = await party.KickAsync(leader, member.Id);

        Assert.True(kicked.IsSuccess, kicked.Error?.Message);
        Assert.Equal([leader], kicked.Value!.Members.Select(m => m.PlayerId));
        Assert.Null(await Membership(member.Id).GetPartyAsync());
        await member.WaitForPartyChangeAsync("no party (null)", e => e.Party is null);
    }

    [Fact]
    public async Task KickAsync_ByAMemberWhoIsNotTheLeader_IsRefused_AndNobodyLeaves()
    {
        await using var member = await OnlineCharacter.EnterAsync(client);
        var leader = await OnlineCharacter.CreateOfflineAsync(client);
        var party = await CreatePartyAsync(leader);
        await JoinAsync(party, leader, member.Id);

        var refused = await party.KickAsync(member.Id, leader);

        Assert.Equal(GameErrorCode.PartyRule, refused.Error?.Code);
        Assert.Equal(2, (await party.GetAsync())!.Members.Count);
    }

    [Fact]
    public async Task PromoteAsync_HandsTheLead_SoTheOldLeaderMayNoLongerKick()
    {
        await using var member = await OnlineCharacter.EnterAsync(client);
        var leader = await OnlineCharacter.CreateOfflineAsync(client);
        var party = await CreatePartyAsync(leader);
        await JoinAsync(party, leader, member.Id);

        var promoted = await party.PromoteAsync(leader, member.Id);
        var refused = await party.KickAsync(leader, member.Id);

        Assert.True(promoted.IsSuccess, promoted.Error?.Message);
        Assert.Equal(member.Id, promoted.Value!.LeaderId);
        Assert.Equal(GameErrorCode.PartyRule, refused.Error?.Code);
        await member.WaitForPartyChangeAsync("a party it leads", e => e.Party?.LeaderId == member.Id);
    }

    [Fact]
    public async Task PromoteAsync_ToSomeoneOutsideTheParty_IsRefused()
    {
        var leader = await OnlineCharacter.CreateOfflineAsync(client);
        var party = await CreatePartyAsync(leader);

        var refused = await party.PromoteAsync(leader, await OnlineCharacter.CreateOfflineAsync(client));

        Assert.Equal(GameErrorCode.PartyRule, refused.Error?.Code);
        Assert.Equal(leader, (await party.GetAsync())!.LeaderId);
    }

    [Fact]
    public async Task DisbandAsync_FreesEveryMember_AndTellsThemTheyHaveNoParty()
    {
        await using var member = await OnlineCharacter.EnterAsync(client);
        var leader = await OnlineCharacter.CreateOfflineAsync(client);
        var party = await CreatePartyAsync(leader);
        await JoinAsync(party, leader, member.Id);

        var notLeader = await party.DisbandAsync(member.Id);
        var disbanded = await party.DisbandAsync(leader);

        Assert.Equal(GameErrorCode.PartyRule, notLeader?.Code);
        Assert.Null(disbanded);
        Assert.Null(await party.GetAsync());
        Assert.Null(await Membership(leader).GetPartyAsync());
        Assert.Null(await Membership(member.Id).GetPartyAsync());
        await member.WaitForPartyChangeAsync("no party (null)", e => e.Party is null);
        Assert.True((await NewParty().CreateAsync(member.Id)).IsSuccess);
    }

    [Fact]
    public async Task PartyAndMemberships_AreReloadedFromStorage_AfterTheGrainsDeactivate()
    {
        await using var member = await OnlineCharacter.EnterAsync(client);
        var leader = await OnlineCharacter.CreateOfflineAsync(client);
        var party = await CreatePartyAsync(leader);
        await JoinAsync(party, leader, member.Id);
        await party.PromoteAsync(leader, member.Id);
        var before = await party.GetAsync();

        await party.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        await Membership(member.Id).Cast<IGrainManagementExtension>().DeactivateOnIdle();
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        var after = await client.GetGrain<IPartyGrain>(party.GetPrimaryKey()).GetAsync();

        Assert.NotNull(after);
        Assert.Equal(before!.LeaderId, after.LeaderId);
        Assert.Equal(before.Members, after.Members);
        Assert.Equal(party.GetPrimaryKey(), await Membership(member.Id).GetPartyAsync());
    }

    [Fact]
    public async Task EveryPartyChange_IsAppendedToTheTransactionLog()
    {
        await using var member = await OnlineCharacter.EnterAsync(client);
        var leader = await OnlineCharacter.CreateOfflineAsync(client);
        var party = await CreatePartyAsync(leader);
        await JoinAsync(party, leader, member.Id);
        await party.PromoteAsync(leader, member.Id);
        await party.KickAsync(member.Id, leader);
        await party.DisbandAsync(member.Id);

        // Entries where the player acted or was acted on: the leader created, invited, promoted and was kicked.
        Assert.Equal(
            [TransactionKinds.PartyCreated, TransactionKinds.PartyInvited, TransactionKinds.PartyPromoted, TransactionKinds.PartyKicked],
            RecordingTransactionLog.Shared.Of(leader).Select(e => e.Kind));
        Assert.Equal(
            [TransactionKinds.PartyInvited, TransactionKinds.PartyJoined, TransactionKinds.PartyPromoted, TransactionKinds.PartyKicked, TransactionKinds.PartyDisbanded],
            RecordingTransactionLog.Shared.Of(member.Id).Select(e => e.Kind));
        Assert.All(RecordingTransactionLog.Shared.Of(member.Id), e => Assert.Equal(party.GetPrimaryKey(), e.Details?["partyId"]));
    }

    private IPartyGrain NewParty() => client.GetGrain<IPartyGrain>(Guid.NewGuid());

    private IPartyMembershipGrain Membership(Guid playerId) => client.GetGrain<IPartyMembershipGrain>(playerId);

    private async Task<IPartyGrain> CreatePartyAsync(Guid leaderId)
    {
        var party = NewParty();
        var created = await party.CreateAsync(leaderId);
        Assert.True(created.IsSuccess, created.Error?.Message);
        return party;
    }

    private static async Task JoinAsync(IPartyGrain party, Guid leaderId, Guid playerId)
    {
        var invited = await party.InviteAsync(leaderId, playerId);
        Assert.True(invited.IsSuccess, invited.Error?.Message);
        var accepted = await party.AcceptAsync(playerId);
        Assert.True(accepted.IsSuccess, accepted.Error?.Message);
    }

    private async Task<(IPartyGrain Party, Guid Leader, List<OnlineCharacter> Members)> FullPartyAsync()
    {
        var leader = await OnlineCharacter.CreateOfflineAsync(client);
        var party = await CreatePartyAsync(leader);
        var members = new List<OnlineCharacter>();
        for (var i = 1; i < TestParties.MaxSize; i++)
        {
            members.Add(await OnlineCharacter.EnterAsync(client));
            await JoinAsync(party, leader, members[^1].Id);
        }

        return (party, leader, members);
    }

    private static async Task DisposeAllAsync(IEnumerable<OnlineCharacter> characters)
    {
        foreach (var character in characters)
        {
            await character.DisposeAsync();
        }
    }
}
