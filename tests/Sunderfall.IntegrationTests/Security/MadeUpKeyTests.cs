using Microsoft.AspNetCore.SignalR.Client;
using Sunderfall.IntegrationTests.Infrastructure;
using Sunderfall.Protocol;
using Sunderfall.Protocol.Errors;
using Sunderfall.Protocol.Social;
using ErrorCode = Sunderfall.Protocol.Errors.ErrorCode;
using Xunit;

namespace Sunderfall.IntegrationTests.Security;

/// <summary>
/// Calls naming things that do not exist - a character id the account does not own, a party that sent no invite, a
/// name no character can have - are refused with a typed error before any grain is activated for them (each would
/// otherwise activate a grain and read PostgreSQL).
/// </summary>
public sealed class MadeUpKeyTests : IAsyncLifetime
{
    private GameCluster cluster = null!;

    public async Task InitializeAsync() => cluster = await GameCluster.StartAsync("madeup", siloCount: 1);

    public async Task DisposeAsync() => await cluster.DisposeAsync();

    [Fact]
    public async Task MadeUpCharacterIdsPartyIdsAndMalformedNames_AreRefused_WithoutActivatingAGrain()
    {
        await using var player = await cluster.ConnectAsync();
        await player.CreateAndEnterAsync("Real");
        await using var stranger = await cluster.ConnectAsync();
        var before = await CountAsync();

        var enter = await stranger.EnterWorldAsync(Guid.NewGuid().ToString());
        var accept = await player.Connection.InvokeAsync<CallResult<PartyInfo>>(
            HubNames.AcceptPartyInvite, Guid.NewGuid().ToString());
        var decline = await player.Connection.InvokeAsync<CallResult<PartyInfo>>(
            HubNames.DeclinePartyInvite, Guid.NewGuid().ToString());
        var invite = await player.Connection.InvokeAsync<CallResult<PartyInviteInfo>>(
            HubNames.InviteToParty, "no such name!");
        var whisper = await player.Connection.InvokeAsync<CallResult<ChatMessage>>(
            HubNames.SendChat, "whisper", "hello", "1nvalid");
        var after = await CountAsync();

        Assert.Equal(ErrorCode.CharacterNotFound, enter.Error?.Code);
        Assert.Equal(ErrorCode.NotFound, accept.Error?.Code);
        Assert.Equal(ErrorCode.NotFound, decline.Error?.Code);
        Assert.Equal(ErrorCode.InvalidArgument, invite.Error?.Code);
        Assert.Equal(ErrorCode.InvalidArgument, whisper.Error?.Code);
        Assert.Equal(before, after);
    }

    // Character, party and name grains active in the cluster.
    private async Task<(int Players, int Parties, int Names)> CountAsync() => (
        await cluster.ActivationsOfAsync("PlayerGrain"), await cluster.ActivationsOfAsync("PartyGrain"), await cluster.ActivationsOfAsync("CharacterNameGrain"));
}
