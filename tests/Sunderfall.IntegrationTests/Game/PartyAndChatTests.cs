using Sunderfall.IntegrationTests.Infrastructure;
using Sunderfall.Protocol.Characters;
using Xunit;
using ErrorCode = Sunderfall.Protocol.Errors.ErrorCode;

namespace Sunderfall.IntegrationTests.Game;

/// <summary>Parties and chat over the real wire: signed-in SignalR clients against two silos and a frontend.</summary>
[Collection(SharedClusterDefinition.Name)]
public sealed class PartyAndChatTests(SharedClusterFixture fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    private GameCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task TwoPlayers_FormAParty_ByInvitingByName_AndBothAreToldItHasTwoMembers()
    {
        await using var leader = await Cluster.ConnectAsync();
        await using var member = await Cluster.ConnectAsync("json");
        var (leaderCharacter, _) = await leader.CreateAndEnterAsync("Lead");
        var (memberCharacter, _) = await member.CreateAndEnterAsync("Join");

        var created = await leader.CreatePartyAsync();
        Assert.True(created.Ok, created.Error?.Message);
        Assert.Equal(leaderCharacter.Id, created.Value!.LeaderId);
        Assert.Equal([leaderCharacter.Name], created.Value.Members.Select(m => m.Name));

        var invited = await leader.InviteToPartyAsync(memberCharacter.Name);
        Assert.True(invited.Ok, invited.Error?.Message);
        Assert.Equal(created.Value.PartyId, invited.Value!.PartyId);
        Assert.True(await GameClient.EventuallyAsync(() => !member.PartyInvites.IsEmpty, Wait), "the invitee never received PartyInvited");
        var invite = Assert.Single(member.PartyInvites);
        Assert.Equal((created.Value.PartyId, leaderCharacter.Id, leaderCharacter.Name), (invite.PartyId, invite.FromId, invite.FromName));
        Assert.True(invite.ExpiresAt > DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());

        var accepted = await member.AcceptPartyInviteAsync(invite.PartyId);

        Assert.True(accepted.Ok, accepted.Error?.Message);
        Assert.Equal([leaderCharacter.Id, memberCharacter.Id], accepted.Value!.Members.Select(m => m.Id));
        foreach (var client in new[] { leader, member })
        {
            Assert.True(
                await GameClient.EventuallyAsync(() => client.PartyChanges.Any(p => p.Members.Length == 2), Wait),
                "a member was never told the party has two members");
            var party = client.PartyChanges.Last(p => p.Members.Length == 2);
            Assert.Equal((created.Value.PartyId, leaderCharacter.Id), (party.PartyId, party.LeaderId));
            Assert.Equal([leaderCharacter.Name, memberCharacter.Name], party.Members.Select(m => m.Name));

            var asked = await client.GetPartyAsync();
            Assert.True(asked.Ok, asked.Error?.Message);
            Assert.Equal(2, asked.Value!.Members.Length);
            Assert.Equal(leaderCharacter.Id, asked.Value.LeaderId);
        }
    }

    [Fact]
    public async Task InviteToParty_FindsTheCharacter_WhateverTheCaseOfTheName()
    {
        await using var leader = await Cluster.ConnectAsync();
        await using var member = await Cluster.ConnectAsync();
        await leader.CreateAndEnterAsync("Case");
        var (memberCharacter, _) = await member.CreateAndEnterAsync("MiXeD");
        Assert.True((await leader.CreatePartyAsync()).Ok);

        var invited = await leader.InviteToPartyAsync(memberCharacter.Name.ToLowerInvariant());

        Assert.True(invited.Ok, invited.Error?.Message);
        Assert.True(await GameClient.EventuallyAsync(() => !member.PartyInvites.IsEmpty, Wait), "the invitee never received PartyInvited");
    }

    [Fact]
    public async Task PartyChat_ReachesEveryMember()
    {
        await using var leader = await Cluster.ConnectAsync();
        await using var member = await Cluster.ConnectAsync();
        var (_, memberCharacter) = await FormPartyAsync(leader, member);

        var sent = await member.SendChatAsync("party", "  pull the boar on three  ");

        Assert.True(sent.Ok, sent.Error?.Message);
        Assert.Equal(("party", "pull the boar on three", memberCharacter.Name), (sent.Value!.Channel, sent.Value.Text, sent.Value.From));
        foreach (var client in new[] { leader, member })
        {
            Assert.True(
                await GameClient.EventuallyAsync(() => client.Chats.Any(c => c.Channel == "party" && c.Text == "pull the boar on three"), Wait),
                "a member never received the party chat line");
            var line = client.Chats.First(c => c.Channel == "party");
            Assert.Equal((memberCharacter.Id, memberCharacter.Name), (line.FromId, line.From));
        }
    }

    [Fact]
    public async Task PartyChat_WithoutAParty_IsRefusedWithPartyRule()
    {
        await using var loner = await Cluster.ConnectAsync();
        await loner.CreateAndEnterAsync("Loner");

        var sent = await loner.SendChatAsync("Party", "anyone?");

        Assert.Equal(ErrorCode.PartyRule, sent.Error!.Code);
        Assert.Contains("not in a party", sent.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Whisper_ReachesTheNamedCharacter_AndEchoesToTheSender()
    {
        await using var sender = await Cluster.ConnectAsync();
        await using var target = await Cluster.ConnectAsync("json");
        var (senderCharacter, _) = await sender.CreateAndEnterAsync("Psst");
        var (targetCharacter, _) = await target.CreateAndEnterAsync("Ear");

        var sent = await sender.SendChatAsync("whisper", "meet me by the portal", targetCharacter.Name);

        Assert.True(sent.Ok, sent.Error?.Message);
        Assert.Equal(("whisper", targetCharacter.Name), (sent.Value!.Channel, sent.Value.To));
        Assert.True(await GameClient.EventuallyAsync(() => !target.Chats.IsEmpty, Wait), "the whisper never reached its target");
        var received = Assert.Single(target.Chats);
        Assert.Equal(
            ("whisper", senderCharacter.Id, senderCharacter.Name, targetCharacter.Name, "meet me by the portal"),
            (received.Channel, received.FromId, received.From, received.To, received.Text));
        Assert.True(await GameClient.EventuallyAsync(() => !sender.Chats.IsEmpty, Wait), "the sender never got the echo of its whisper");
        Assert.Equal("meet me by the portal", Assert.Single(sender.Chats).Text);
    }

    [Fact]
    public async Task Whisper_ToACharacterNotInTheWorld_IsRefusedWithPlayerOffline()
    {
        await using var sender = await Cluster.ConnectAsync();
        await using var owner = await Cluster.ConnectAsync();
        await sender.CreateAndEnterAsync("Call");
        var offline = await owner.CreateCharacterAsync(GameClient.UniqueName("Away"), "cleric");
        Assert.True(offline.Ok, offline.Error?.Message);

        var sent = await sender.SendChatAsync("whisper", "are you there?", offline.Value!.Name);

        Assert.Equal(ErrorCode.PlayerOffline, sent.Error!.Code);
        Assert.Contains(offline.Value.Name, sent.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Whisper_ToANameNoCharacterHas_IsRefusedWithNotFound()
    {
        await using var sender = await Cluster.ConnectAsync();
        await sender.CreateAndEnterAsync("Lost");
        var nobody = GameClient.UniqueName("Nobody");

        var sent = await sender.SendChatAsync("whisper", "hello?", nobody);

        Assert.Equal(ErrorCode.NotFound, sent.Error!.Code);
        Assert.Contains(nobody, sent.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ZoneChat_ReachesASecondPlayerInTheSameZoneInstance()
    {
        await using var speaker = await Cluster.ConnectAsync();
        await using var listener = await Cluster.ConnectAsync("json");
        var (speakerCharacter, speakerZone) = await speaker.CreateAndEnterAsync("Shout");
        var (_, listenerZone) = await listener.CreateAndEnterAsync("Hear");
        Assert.Equal(speakerZone.ZoneId, listenerZone.ZoneId);
        var text = "wolves to the north " + Guid.NewGuid().ToString("N")[..6];

        var sent = await speaker.SendChatAsync("zone", text);

        Assert.True(sent.Ok, sent.Error?.Message);
        Assert.True(
            await GameClient.EventuallyAsync(() => listener.Chats.Any(c => c.Text == text), Wait),
            "the zone chat line never reached the other player in the zone");
        var line = listener.Chats.First(c => c.Text == text);
        Assert.Equal(("zone", speakerCharacter.Name, speakerCharacter.Id), (line.Channel, line.From, line.FromId));
        Assert.True(await GameClient.EventuallyAsync(() => speaker.Chats.Any(c => c.Text == text), Wait), "the speaker never saw its own line");
    }

    [Theory]
    [InlineData(300, "at most 256")]
    [InlineData(5000, "at most 1024")]
    public async Task SendChat_WithTooLongText_IsRefusedWithTheLimitInTheMessage(int length, string expected)
    {
        await using var client = await Cluster.ConnectAsync();
        await client.CreateAndEnterAsync("Wordy");

        var sent = await client.SendChatAsync("zone", new string('a', length));

        Assert.Equal(ErrorCode.InvalidArgument, sent.Error!.Code);
        Assert.Contains(expected, sent.Error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("shout", "hi", null, "channel must be one of: zone, party, whisper")]
    [InlineData(null, "hi", null, "channel must be one of")]
    [InlineData("zone", null, null, "text must be")]
    [InlineData("whisper", "hi", null, "toName must be a character name")]
    [InlineData("zone", "   ", null, "1-256 characters")]
    [InlineData("zone", "bell\u0007", null, "control characters")]
    public async Task SendChat_WithMalformedArguments_IsRefusedWithAMessageSayingWhatIsAllowed(
        string? channel, string? text, string? toName, string expected)
    {
        await using var client = await Cluster.ConnectAsync();
        await client.CreateAndEnterAsync("Typo");

        var sent = await client.SendChatAsync(channel, text, toName);

        Assert.Equal(ErrorCode.InvalidArgument, sent.Error!.Code);
        Assert.Contains(expected, sent.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMemberWhoDoesNotLead_CannotKickOrPromote()
    {
        await using var leader = await Cluster.ConnectAsync();
        await using var member = await Cluster.ConnectAsync();
        var (leaderCharacter, memberCharacter) = await FormPartyAsync(leader, member);

        var kicked = await member.KickFromPartyAsync(leaderCharacter.Name);
        var promoted = await member.PromotePartyLeaderAsync(memberCharacter.Name);

        Assert.Equal(ErrorCode.PartyRule, kicked.Error!.Code);
        Assert.Contains($"only the party leader ({leaderCharacter.Name})", kicked.Error.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorCode.PartyRule, promoted.Error!.Code);
        var party = await leader.GetPartyAsync();
        Assert.Equal(leaderCharacter.Id, party.Value!.LeaderId);
        Assert.Equal(2, party.Value.Members.Length);
    }

    [Fact]
    public async Task APlayerInNoParty_CannotInviteKickOrLeave()
    {
        await using var loner = await Cluster.ConnectAsync();
        await using var other = await Cluster.ConnectAsync();
        await loner.CreateAndEnterAsync("Solo");
        var (otherCharacter, _) = await other.CreateAndEnterAsync("Else");

        var invited = await loner.InviteToPartyAsync(otherCharacter.Name);
        var kicked = await loner.KickFromPartyAsync(otherCharacter.Name);
        var left = await loner.LeavePartyAsync();
        var party = await loner.GetPartyAsync();

        Assert.Equal(ErrorCode.PartyRule, invited.Error!.Code);
        Assert.Contains("CreateParty", invited.Error.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorCode.PartyRule, kicked.Error!.Code);
        Assert.Equal(ErrorCode.PartyRule, left.Error!.Code);
        Assert.True(party.Ok);
        Assert.Equal("", party.Value!.PartyId);
        Assert.Empty(party.Value.Members);
    }

    [Fact]
    public async Task AfterHandingOverTheLead_TheOldLeaderCannotKick_AndTheNewLeaderCan()
    {
        await using var leader = await Cluster.ConnectAsync();
        await using var member = await Cluster.ConnectAsync();
        var (leaderCharacter, memberCharacter) = await FormPartyAsync(leader, member);

        var promoted = await leader.PromotePartyLeaderAsync(memberCharacter.Name);
        var refused = await leader.KickFromPartyAsync(memberCharacter.Name);
        var kicked = await member.KickFromPartyAsync(leaderCharacter.Name);

        Assert.True(promoted.Ok, promoted.Error?.Message);
        Assert.Equal(memberCharacter.Id, promoted.Value!.LeaderId);
        Assert.Equal(ErrorCode.PartyRule, refused.Error!.Code);
        Assert.True(kicked.Ok, kicked.Error?.Message);
        Assert.Equal([memberCharacter.Name], kicked.Value!.Members.Select(m => m.Name));
        Assert.True(
            await GameClient.EventuallyAsync(() => leader.PartyChanges.LastOrDefault() is { PartyId: "" }, Wait),
            "the kicked player was never told it has no party any more");
        Assert.Equal("", (await leader.GetPartyAsync()).Value!.PartyId);
    }

    [Fact]
    public async Task DisbandParty_FreesEveryMember_AndTellsThem()
    {
        await using var leader = await Cluster.ConnectAsync();
        await using var member = await Cluster.ConnectAsync();
        await FormPartyAsync(leader, member);

        var refused = await member.DisbandPartyAsync();
        var disbanded = await leader.DisbandPartyAsync();

        Assert.Equal(ErrorCode.PartyRule, refused.Error!.Code);
        Assert.True(disbanded.Ok, disbanded.Error?.Message);
        foreach (var client in new[] { leader, member })
        {
            Assert.True(
                await GameClient.EventuallyAsync(() => client.PartyChanges.LastOrDefault() is { PartyId: "" }, Wait),
                "a member was never told the party ended");
            Assert.Equal("", (await client.GetPartyAsync()).Value!.PartyId);
        }
    }

    [Fact]
    public async Task DeclinePartyInvite_LeavesTheInviteeOutside_AndAcceptingAfterwardsFindsNoInvite()
    {
        await using var leader = await Cluster.ConnectAsync();
        await using var invitee = await Cluster.ConnectAsync();
        await leader.CreateAndEnterAsync("Ask");
        var (inviteeCharacter, _) = await invitee.CreateAndEnterAsync("Nope");
        var party = (await leader.CreatePartyAsync()).Value!;
        Assert.True((await leader.InviteToPartyAsync(inviteeCharacter.Name)).Ok);

        var declined = await invitee.DeclinePartyInviteAsync(party.PartyId);
        var accepted = await invitee.AcceptPartyInviteAsync(party.PartyId);

        Assert.True(declined.Ok, declined.Error?.Message);
        Assert.Equal("", declined.Value!.PartyId);
        Assert.Equal(ErrorCode.NotFound, accepted.Error!.Code);
        Assert.Single((await leader.GetPartyAsync()).Value!.Members);
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("{9b2d6c1e-7f5a-4c3b-8e2d-1a0b9c8d7e6f}")]
    [InlineData(null)]
    public async Task AcceptPartyInvite_WithAMalformedPartyId_IsRefused(string? partyId)
    {
        await using var client = await Cluster.ConnectAsync();
        await client.CreateAndEnterAsync("Odd");

        var accepted = await client.AcceptPartyInviteAsync(partyId);

        Assert.Equal(ErrorCode.InvalidArgument, accepted.Error!.Code);
        Assert.Contains("GUID", accepted.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PartyAndChatCalls_WithoutEnteringTheWorld_AnswerNotInWorld()
    {
        await using var client = await Cluster.ConnectAsync();
        var partyId = Guid.NewGuid().ToString();

        var answers = new[]
        {
            (await client.CreatePartyAsync()).Error,
            (await client.InviteToPartyAsync("Someone")).Error,
            (await client.AcceptPartyInviteAsync(partyId)).Error,
            (await client.DeclinePartyInviteAsync(partyId)).Error,
            (await client.LeavePartyAsync()).Error,
            (await client.KickFromPartyAsync("Someone")).Error,
            (await client.PromotePartyLeaderAsync("Someone")).Error,
            (await client.DisbandPartyAsync()).Error,
            (await client.GetPartyAsync()).Error,
            (await client.SendChatAsync("zone", "hello")).Error,
        };

        Assert.All(answers, error => Assert.Equal(ErrorCode.NotInWorld, error!.Code));
    }

    /// <summary>The first client creates a party and the second joins it; both characters are returned.</summary>
    private static async Task<(CharacterInfo Leader, CharacterInfo Member)> FormPartyAsync(GameClient leader, GameClient member)
    {
        var (leaderCharacter, _) = await leader.CreateAndEnterAsync("Head");
        var (memberCharacter, _) = await member.CreateAndEnterAsync("Mate");
        var party = await leader.CreatePartyAsync();
        Assert.True(party.Ok, party.Error?.Message);
        var invited = await leader.InviteToPartyAsync(memberCharacter.Name);
        Assert.True(invited.Ok, invited.Error?.Message);
        var joined = await member.AcceptPartyInviteAsync(party.Value!.PartyId);
        Assert.True(joined.Ok, joined.Error?.Message);
        return (leaderCharacter, memberCharacter);
    }
}
