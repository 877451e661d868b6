using Sunderfall.Grains.Interfaces.Common;
using Sunderfall.Grains.Interfaces.Parties;
using Xunit;

namespace Sunderfall.Grains.Tests.Parties;

[Collection(ClusterCollectionDefinition.Name)]
public sealed class PartyConcurrencyTests(ClusterFixture fixture)
{
    private const int Rounds = 20;

    private readonly IClusterClient client = fixture.Client;

    [Fact]
    public async Task AcceptAsync_OfTwoPartiesAtOnce_LetsExactlyOneWin_AndBothPartiesAgreeWithTheMembership()
    {
        await using var invitee = await OnlineCharacter.EnterAsync(client);
        var membership = client.GetGrain<IPartyMembershipGrain>(invitee.Id);
        for (var round = 0; round < Rounds; round++)
        {
            var a = await PartyInvitingAsync(invitee.Id);
            var b = await PartyInvitingAsync(invitee.Id);

            var results = await Task.WhenAll(a.AcceptAsync(invitee.Id), b.AcceptAsync(invitee.Id));

            var winners = results.Where(r => r.IsSuccess).ToList();
            Assert.Single(winners);
            Assert.Equal(GameErrorCode.AlreadyInParty, Assert.Single(results, r => !r.IsSuccess).Error?.Code);
            var winner = winners[0].Value!.PartyId;
            Assert.Equal(winner, await membership.GetPartyAsync());
            var (won, lost) = winner == a.GetPrimaryKey() ? (a, b) : (b, a);
            Assert.Contains(invitee.Id, (await won.GetAsync())!.Members.Select(m => m.PlayerId));
            Assert.DoesNotContain(invitee.Id, (await lost.GetAsync())!.Members.Select(m => m.PlayerId));

            Assert.Null(await won.LeaveAsync(invitee.Id));
        }
    }

    [Fact]
    public async Task AcceptAsync_ByManyInviteesRacingForTheLastSlot_NeverFillsThePartyBeyondItsMaxSize()
    {
        const int racers = 6;
        var fillers = await EnterAllAsync(TestParties.MaxSize - 2);
        var contenders = await EnterAllAsync(racers);
        try
        {
            for (var round = 0; round < Rounds / 4; round++)
            {
                var leader = await OnlineCharacter.CreateOfflineAsync(client);
                var party = client.GetGrain<IPartyGrain>(Guid.NewGuid());
                Assert.True((await party.CreateAsync(leader)).IsSuccess);
                foreach (var filler in fillers)
                {
                    Assert.True((await party.InviteAsync(leader, filler.Id)).IsSuccess);
                    Assert.True((await party.AcceptAsync(filler.Id)).IsSuccess);
                }

                foreach (var contender in contenders)
                {
                    Assert.True((await party.InviteAsync(leader, contender.Id)).IsSuccess);
                }

                var results = await Task.WhenAll(contenders.Select(c => party.AcceptAsync(c.Id)));

                Assert.Single(results, r => r.IsSuccess);
                Assert.All(results.Where(r => !r.IsSuccess), r => Assert.Equal(GameErrorCode.PartyRule, r.Error?.Code));
                var members = (await party.GetAsync())!.Members;
                Assert.Equal(TestParties.MaxSize, members.Count);
                var inParty = await Task.WhenAll(contenders.Select(c => client.GetGrain<IPartyMembershipGrain>(c.Id).GetPartyAsync()));
                Assert.Single(inParty, p => p == party.GetPrimaryKey());
                Assert.All(inParty, p => Assert.True(p is null || p == party.GetPrimaryKey()));

                Assert.Null(await party.DisbandAsync(leader));
            }
        }
        finally
        {
            foreach (var character in fillers.Concat(contenders))
            {
                await character.DisposeAsync();
            }
        }
    }

    /// <summary>A new party, led by an offline character, that has invited <paramref name="inviteeId"/>.</summary>
    private async Task<IPartyGrain> PartyInvitingAsync(Guid inviteeId)
    {
        var leader = await OnlineCharacter.CreateOfflineAsync(client);
        var party = client.GetGrain<IPartyGrain>(Guid.NewGuid());
        var created = await party.CreateAsync(leader);
        var invited = await party.InviteAsync(leader, inviteeId);
        Assert.True(created.IsSuccess && invited.IsSuccess, created.Error?.Message ?? invited.Error?.Message);
        return party;
    }

    private async Task<List<OnlineCharacter>> EnterAllAsync(int count)
    {
        var characters = new List<OnlineCharacter>();
        for (var i = 0; i < count; i++)
        {
            characters.Add(await OnlineCharacter.EnterAsync(client));
        }

        return characters;
    }
}
