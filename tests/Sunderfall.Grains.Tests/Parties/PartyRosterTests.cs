using Sunderfall.Grains.Interfaces.Common;
using Sunderfall.Grains.Parties;
using Xunit;

namespace Sunderfall.Grains.Tests.Parties;

public sealed class PartyRosterTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid Leader = Guid.NewGuid();
    private static readonly Guid Early = Guid.NewGuid();
    private static readonly Guid Late = Guid.NewGuid();

    [Fact]
    public void Remove_OfTheLeader_HandsTheLeadToTheLongestStandingMember()
    {
        var party = PartyOf(Leader, Early, Late);

        var successor = new PartyRoster(party, new PartyOptions()).Remove(party.Members[0]);

        Assert.Equal(Early, successor?.PlayerId);
        Assert.Equal(Early, party.LeaderId);
        Assert.Equal([Early, Late], party.Members.Select(m => m.PlayerId));
    }

    [Fact]
    public void Remove_OfAMember_KeepsTheLeader()
    {
        var party = PartyOf(Leader, Early, Late);

        var successor = new PartyRoster(party, new PartyOptions()).Remove(party.Members[1]);

        Assert.Null(successor);
        Assert.Equal(Leader, party.LeaderId);
    }

    [Fact]
    public void RefuseIfFull_AtMaxSize_SaysTheLimit()
    {
        var roster = new PartyRoster(PartyOf(Leader, Early, Late), new PartyOptions { MaxSize = 3 });

        var full = roster.RefuseIfFull();

        Assert.Equal(GameErrorCode.PartyRule, full?.Code);
        Assert.Contains("at most 3", full!.Message, StringComparison.Ordinal);
        Assert.Null(new PartyRoster(PartyOf(Leader, Early), new PartyOptions { MaxSize = 3 }).RefuseIfFull());
    }

    [Fact]
    public void RefuseIfExpired_FromTheExpiryOn_SaysHowLongInvitesLast()
    {
        var roster = new PartyRoster(PartyOf(Leader), new PartyOptions { InviteLifetime = TimeSpan.FromSeconds(60) });
        var invite = new PartyInviteState { PlayerId = Late, ExpiresAt = Start.AddSeconds(60) };

        Assert.Null(roster.RefuseIfExpired(invite, Start.AddSeconds(59)));
        var expired = roster.RefuseIfExpired(invite, Start.AddSeconds(60));
        Assert.Equal(GameErrorCode.PartyRule, expired?.Code);
        Assert.Contains("invites last 60 s", expired!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddInvite_ReplacesAnEarlierInviteToTheSamePlayer_AndDropsExpiredOnes()
    {
        var party = PartyOf(Leader);
        var roster = new PartyRoster(party, new PartyOptions());
        roster.AddInvite(new PartyInviteState { PlayerId = Early, ExpiresAt = Start.AddSeconds(10) }, Start);
        roster.AddInvite(new PartyInviteState { PlayerId = Late, ExpiresAt = Start.AddSeconds(10) }, Start);

        roster.AddInvite(new PartyInviteState { PlayerId = Late, ExpiresAt = Start.AddSeconds(80) }, Start.AddSeconds(20));

        var only = Assert.Single(party.Invites);
        Assert.Equal((Late, Start.AddSeconds(80)), (only.PlayerId, only.ExpiresAt));
    }

    [Fact]
    public void RefuseInvite_OfSomeoneAlreadyInTheParty_NamesThem()
    {
        var roster = new PartyRoster(PartyOf(Leader, Early), new PartyOptions());

        var refused = roster.RefuseInvite(Leader, Early);

        Assert.Equal(GameErrorCode.PartyRule, refused?.Code);
        Assert.Contains($"P{Early:N}"[..9], refused!.Message, StringComparison.Ordinal);
    }

    private static PartyState PartyOf(params Guid[] members) => new()
    {
        LeaderId = members[0],
        Members = [.. members.Select((id, i) => new PartyMemberState { PlayerId = id, Name = $"P{id:N}"[..9], JoinedAt = Start.AddSeconds(i) })],
    };
}
