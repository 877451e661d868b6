using Sunderfall.Client;
using Sunderfall.IntegrationTests.Infrastructure;
using Xunit;
using ErrorCode = Sunderfall.Protocol.Errors.ErrorCode;

namespace Sunderfall.IntegrationTests.Client;

/// <summary>The client SDK against the shared cluster: signing in, playing, chat, parties and errors.</summary>
[Collection(SharedClusterDefinition.Name)]
public sealed class SdkPlayTests(SharedClusterFixture fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    private GameCluster Cluster => fixture.Cluster;

    [Theory]
    [InlineData(WireProtocol.MessagePack)]
    [InlineData(WireProtocol.Json)]
    public async Task LoginThenEnterWorldAndMove_ShowsTheCharacterWalkingInTheLocalWorld(WireProtocol protocol)
    {
        string username;
        await using (var registered = await SdkPlayer.ConnectedAsync(Cluster))
        {
            username = registered.Username;
        }

        await using var client = new SunderfallClient(new Uri(Cluster.Frontend.HttpUrl), new SunderfallClientOptions { Protocol = protocol });
        var tokens = await client.LoginAsync(username, GameCluster.TestPassword);
        Assert.True(client.IsSignedIn);
        Assert.Equal(tokens.AccountId, client.AccountId);
        Assert.Contains("player", client.Roles);
        await client.ConnectAsync();
        Assert.Equal(ConnectionState.Connected, client.State);

        var character = (await client.CreateCharacterAsync(GameClient.UniqueName("Sdk"), "ranger")).ValueOrThrow();
        var listed = (await client.ListCharactersAsync()).ValueOrThrow();
        Assert.Equal([character.Id], listed.Characters.Select(c => c.Id));
        var zone = (await client.EnterWorldAsync(character.Id)).ValueOrThrow();
        Assert.Equal(zone, client.World.Zone);
        Assert.Equal(character.Id, client.CurrentCharacterId);
        Assert.True(await GameClient.EventuallyAsync(() => client.World.Self is not null, Wait), "the client never saw itself");
        Assert.Equal((500f, 500f), (client.World.Self!.Value.X, client.World.Self.Value.Y));
        Assert.Equal(character.Name, client.World.Self.Value.Name);

        var moved = new List<float>();
        client.WorldUpdated += (_, update) =>
        {
            foreach (var change in update.Changes.Updated)
            {
                if (change.Current.NetId == update.SelfNetId)
                {
                    lock (moved)
                    {
                        moved.Add(change.Current.Y);
                    }
                }
            }
        };
        var sequence = await client.MoveAsync(0f, 1f);
        Assert.True(sequence > 0, "the move was not sent");
        var walked = await GameClient.EventuallyAsync(() => client.World.Self is { Y: > 510f } && client.World.AckInput >= sequence, Wait);
        await client.MoveAsync(0f, 0f);

        Assert.True(walked, $"the local world never showed the character walking north (it shows {client.World.Self})");
        lock (moved)
        {
            Assert.NotEmpty(moved);
        }
    }

    [Fact]
    public async Task ZoneChat_BetweenTwoSdkClients_ArrivesAsChatReceivedOnBoth()
    {
        await using var speaker = await SdkPlayer.PlayingAsync(Cluster, "Talk");
        await using var listener = await SdkPlayer.PlayingAsync(Cluster, "Hear");
        Assert.Equal(speaker.Zone.ZoneId, listener.Zone.ZoneId);
        var text = "hello from the sdk " + Guid.NewGuid().ToString("N")[..6];

        var sent = await speaker.Client.SendChatAsync("zone", text);

        Assert.True(sent.Ok, sent.Error?.Message);
        foreach (var player in new[] { speaker, listener })
        {
            Assert.True(
                await GameClient.EventuallyAsync(() => player.Chats.Any(c => c.Text == text), Wait),
                $"{player.Username} never received the zone line");
            var line = player.Chats.First(c => c.Text == text);
            Assert.Equal(("zone", speaker.Character.Name, speaker.Character.Id), (line.Channel, line.From, line.FromId));
        }
    }

    [Fact]
    public async Task Move_WithNaN_RaisesErrorReceivedWithInvalidArgument_AndTheClientStaysUsable()
    {
        await using var player = await SdkPlayer.PlayingAsync(Cluster, "NaN");

        await player.Client.MoveAsync(float.NaN, 0f);

        Assert.True(await GameClient.EventuallyAsync(() => !player.Errors.IsEmpty, Wait), "no Error event came back");
        var error = Assert.Single(player.Errors);
        Assert.Equal(ErrorCode.InvalidArgument, error.Code);
        Assert.Contains("finite", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(ConnectionState.Connected, player.Client.State);
        Assert.True((await player.Client.GetCharacterSheetAsync()).Ok);
    }

    [Fact]
    public async Task Login_WithAWrongPassword_ThrowsInvalidCredentials_AndLeavesTheClientSignedOut()
    {
        string username;
        await using (var registered = await SdkPlayer.ConnectedAsync(Cluster))
        {
            username = registered.Username;
        }

        await using var client = new SunderfallClient(new Uri(Cluster.Frontend.HttpUrl));

        var refused = await Assert.ThrowsAsync<SunderfallAuthException>(() => client.LoginAsync(username, "not-the-password-42"));

        Assert.Equal(("InvalidCredentials", 401), (refused.Code, refused.StatusCode));
        Assert.False(client.IsSignedIn);
        await Assert.ThrowsAsync<InvalidOperationException>(() => client.ConnectAsync());
    }

    [Fact]
    public async Task CallsWithoutAConnection_AnswerUnavailable_InsteadOfThrowing()
    {
        await using var client = new SunderfallClient(new Uri(Cluster.Frontend.HttpUrl));

        var listed = await client.ListCharactersAsync();
        var sequence = await client.MoveAsync(1f, 0f);

        Assert.False(listed.Ok);
        Assert.Equal(ErrorCode.Unavailable, listed.Error!.Code);
        Assert.Equal(0, sequence);
        var thrown = Assert.Throws<SunderfallException>(() => listed.ValueOrThrow());
        Assert.Equal(ErrorCode.Unavailable, thrown.Code);
    }

    [Fact]
    public async Task PartyInvite_ThroughTheSdk_RaisesPartyInvited_AndBothMembersGetPartyChanged()
    {
        await using var leader = await SdkPlayer.PlayingAsync(Cluster, "Lead");
        await using var member = await SdkPlayer.PlayingAsync(Cluster, "Mate");
        var party = (await leader.Client.CreatePartyAsync()).ValueOrThrow();

        (await leader.Client.InviteToPartyAsync(member.Character.Name.ToUpperInvariant())).ValueOrThrow();
        Assert.True(await GameClient.EventuallyAsync(() => !member.PartyInvites.IsEmpty, Wait), "PartyInvited never came");
        var invite = Assert.Single(member.PartyInvites);
        Assert.Equal((party.PartyId, leader.Character.Name), (invite.PartyId, invite.FromName));
        var joined = (await member.Client.AcceptPartyInviteAsync(invite.PartyId)).ValueOrThrow();

        Assert.Equal([leader.Character.Id, member.Character.Id], joined.Members.Select(m => m.Id));
        foreach (var player in new[] { leader, member })
        {
            Assert.True(
                await GameClient.EventuallyAsync(() => player.PartyChanges.Any(p => p.PartyId == party.PartyId && p.Members.Length == 2), Wait),
                $"{player.Username} was never told the party has two members");
        }

        var left = await member.Client.LeavePartyAsync();
        Assert.True(left.Ok, left.Error?.Message);
        Assert.Equal("", (await member.Client.GetPartyAsync()).ValueOrThrow().PartyId);
    }

    [Fact]
    public async Task SigningInElsewhere_ClosesTheFirstSession_AndTheFirstClientDoesNotReconnect()
    {
        await using var first = await SdkPlayer.PlayingAsync(Cluster, "Here");
        await using var second = new SunderfallClient(new Uri(Cluster.Frontend.HttpUrl));
        await second.LoginAsync(first.Username, GameCluster.TestPassword);
        await second.ConnectAsync();

        Assert.True(await GameClient.EventuallyAsync(() => !first.SessionCloses.IsEmpty, Wait), "the first client was never told");
        Assert.Equal(ErrorCode.SessionReplaced, Assert.Single(first.SessionCloses).Code);
        Assert.True(
            await GameClient.EventuallyAsync(() => first.Client.State == ConnectionState.Disconnected, Wait),
            $"the first client is {first.Client.State}");

        // Had the first client reconnected, it would have closed the second one in turn.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(ConnectionState.Disconnected, first.Client.State);
        Assert.Equal(ConnectionState.Connected, second.State);
        Assert.Null(second.SessionClosedBy);
        var entered = await second.EnterWorldAsync(first.Character.Id);
        Assert.True(entered.Ok, entered.Error?.Message);
    }
}
