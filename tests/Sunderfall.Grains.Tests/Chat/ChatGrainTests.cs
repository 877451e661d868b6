using System.Diagnostics;
using Sunderfall.Grains.Interfaces.Chat;
using Sunderfall.Grains.Interfaces.Common;
using Sunderfall.Grains.Interfaces.Parties;
using Sunderfall.Grains.Interfaces.Players;
using Sunderfall.Grains.Tests.Parties;
using Sunderfall.Grains.Tests.Transactions;
using Sunderfall.Grains.Transactions;
using Xunit;

namespace Sunderfall.Grains.Tests.Chat;

[Collection(ClusterCollectionDefinition.Name)]
public sealed class ChatGrainTests(ClusterFixture fixture)
{
    private readonly IClusterClient client = fixture.Client;

    [Fact]
    public async Task SendAsync_OnTheParty_ReachesEveryMembersFrontend_SenderIncluded()
    {
        await using var leader = await OnlineCharacter.EnterAsync(client);
        await using var member = await OnlineCharacter.EnterAsync(client);
        var party = client.GetGrain<IPartyGrain>(Guid.NewGuid());
        await party.CreateAsync(leader.Id);
        await party.InviteAsync(leader.Id, member.Id);
        await party.AcceptAsync(member.Id);

        var sent = await Chat(member.Id).SendAsync(ChatChannel.Party, "  pull the boar left  ", null);

        Assert.True(sent.IsSuccess, sent.Error?.Message);
        var expected = new ChatLine(ChatChannel.Party, member.Id, member.Name, "pull the boar left", sent.Value!.At);
        Assert.Equal(expected, sent.Value);
        foreach (var character in new[] { leader, member })
        {
            var received = await character.WaitForEventAsync("the party chat line", e => e.Kind == PlayerEventKind.Chat);
            Assert.Equal(expected, received.Chat);
            Assert.Equal(character.Id, received.PlayerId);
        }

        var logged = Assert.Single(RecordingTransactionLog.Shared.Of(member.Id), e => e.Kind == TransactionKinds.ChatParty);
        Assert.Equal(party.GetPrimaryKey(), logged.Details?["partyId"]);
    }

    [Fact]
    public async Task SendAsync_OnTheParty_WhenNotInAParty_IsRefused()
    {
        await using var loner = await OnlineCharacter.EnterAsync(client);

        var refused = await Chat(loner.Id).SendAsync(ChatChannel.Party, "anyone?", null);

        Assert.Equal(GameErrorCode.PartyRule, refused.Error?.Code);
        Assert.Contains("not in a party", refused.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_AsAWhisper_ReachesTheNamedCharacter_WhateverTheCase_AndEchoesToTheSender()
    {
        await using var sender = await OnlineCharacter.EnterAsync(client);
        await using var target = await OnlineCharacter.EnterAsync(client);

        var sent = await Chat(sender.Id).SendAsync(ChatChannel.Whisper, "meet at the portal", target.Name.ToUpperInvariant());

        Assert.True(sent.IsSuccess, sent.Error?.Message);
        Assert.Equal(target.Name, sent.Value!.ToName);
        var received = await target.WaitForEventAsync("the whisper", e => e.Kind == PlayerEventKind.Chat);
        var echo = await sender.WaitForEventAsync("the whisper's echo", e => e.Kind == PlayerEventKind.Chat);
        Assert.Equal(sent.Value, received.Chat);
        Assert.Equal(sent.Value, echo.Chat);
        var logged = Assert.Single(RecordingTransactionLog.Shared.Of(sender.Id), e => e.Kind == TransactionKinds.ChatWhisper);
        Assert.Equal(target.Id, logged.TargetId);
        Assert.Equal("meet at the portal".Length, logged.Details?["length"]);
    }

    [Fact]
    public async Task SendAsync_AsAWhisperToACharacterNotInTheWorld_IsRefusedAsPlayerOffline()
    {
        await using var sender = await OnlineCharacter.EnterAsync(client);
        var name = TestWorld.UniqueName();
        await OnlineCharacter.CreateOfflineAsync(client, name);

        var refused = await Chat(sender.Id).SendAsync(ChatChannel.Whisper, "hello?", name);

        Assert.Equal(GameErrorCode.PlayerOffline, refused.Error?.Code);
        Assert.Equal($"{name} is not online", refused.Error!.Message);
        Assert.DoesNotContain(sender.Events, e => e.Kind == PlayerEventKind.Chat);
    }

    [Fact]
    public async Task SendAsync_AsAWhisperToAnUnknownName_IsNotFound()
    {
        await using var sender = await OnlineCharacter.EnterAsync(client);
        var nobody = TestWorld.UniqueName();

        var refused = await Chat(sender.Id).SendAsync(ChatChannel.Whisper, "hello?", nobody);

        Assert.Equal(GameErrorCode.NotFound, refused.Error?.Code);
        Assert.Contains(nobody, refused.Error!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("no spaces allowed")]
    public async Task SendAsync_AsAWhisperWithoutAValidName_IsRefused(string? toName)
    {
        var sender = await OnlineCharacter.CreateOfflineAsync(client);

        var refused = await Chat(sender).SendAsync(ChatChannel.Whisper, "hello?", toName);

        Assert.Equal(GameErrorCode.InvalidArgument, refused.Error?.Code);
        Assert.Contains("recipient", refused.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_InTheZone_WhenInTheWorld_IsSentAndLoggedWithTheZone()
    {
        await using var sender = await OnlineCharacter.EnterAsync(client);
        var zone = (await sender.Grain.GetAsync())!.ZoneId;

        var sent = await Chat(sender.Id).SendAsync(ChatChannel.Zone, "hello vale", null);

        Assert.True(sent.IsSuccess, sent.Error?.Message);
        Assert.Equal(new ChatLine(ChatChannel.Zone, sender.Id, sender.Name, "hello vale", sent.Value!.At), sent.Value);
        var logged = Assert.Single(RecordingTransactionLog.Shared.Of(sender.Id), e => e.Kind == TransactionKinds.ChatZone);
        Assert.Equal(zone, logged.ZoneId);
    }

    [Fact]
    public async Task SendAsync_InTheZone_WhenNotInTheWorld_IsRefused()
    {
        var sender = await OnlineCharacter.CreateOfflineAsync(client);

        var refused = await Chat(sender).SendAsync(ChatChannel.Zone, "hello?", null);

        Assert.Equal(GameErrorCode.NotInZone, refused.Error?.Code);
        Assert.Empty(RecordingTransactionLog.Shared.Of(sender));
    }

    [Fact]
    public async Task SendAsync_OnTheSystemChannel_IsRefusedNamingTheChannelsPlayersMayUse()
    {
        var sender = await OnlineCharacter.CreateOfflineAsync(client);

        var refused = await Chat(sender).SendAsync(ChatChannel.System, "server restarting", null);

        Assert.Equal(GameErrorCode.InvalidArgument, refused.Error?.Code);
        Assert.Contains("Zone, Party or Whisper", refused.Error!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "1-256")]
    [InlineData("   ", "1-256")]
    [InlineData("line one\nline two", "U+000A")]
    [InlineData("bell\u0007", "U+0007")]
    public async Task SendAsync_WithTextThatIsNotAllowed_IsRefusedSayingWhatIsWrong(string text, string said)
    {
        var sender = await OnlineCharacter.CreateOfflineAsync(client);

        var refused = await Chat(sender).SendAsync(ChatChannel.Zone, text, null);

        Assert.Equal(GameErrorCode.InvalidArgument, refused.Error?.Code);
        Assert.Contains(said, refused.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_WithTextLongerThan256Characters_IsRefusedSayingTheLimit()
    {
        var sender = await OnlineCharacter.CreateOfflineAsync(client);

        var refused = await Chat(sender).SendAsync(ChatChannel.Zone, new string('a', 257), null);

        Assert.Equal(GameErrorCode.InvalidArgument, refused.Error?.Code);
        Assert.Contains("at most 256", refused.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_FasterThanTheRateLimit_IsRateLimitedSayingTheAllowedRate()
    {
        // Zone chat out of the world is refused only after the rate limit, so every message here counts against it.
        var sender = await OnlineCharacter.CreateOfflineAsync(client);
        var chat = Chat(sender);
        var clock = Stopwatch.StartNew();

        var results = new List<GameResult<ChatLine>>();
        for (var i = 0; i < 12; i++)
        {
            results.Add(await chat.SendAsync(ChatChannel.Zone, $"spam {i}", null));
        }

        var passed = results.Count(r => r.Error?.Code != GameErrorCode.RateLimited);
        var limited = results.First(r => r.Error?.Code == GameErrorCode.RateLimited);
        // A burst of 5, plus 1 per second the loop took.
        Assert.InRange(passed, 5, 5 + (int)Math.Ceiling(clock.Elapsed.TotalSeconds));
        Assert.Contains("5 messages at once and 1 per second", limited.Error!.Message, StringComparison.Ordinal);
    }

    private IChatGrain Chat(Guid playerId) => client.GetGrain<IChatGrain>(playerId);
}
