using Orleans.Core.Internal;
using Sunderfall.Grains.Interfaces.Parties;
using Sunderfall.Grains.Interfaces.Players;
using Sunderfall.Grains.Tests.Parties;
using Sunderfall.Grains.Tests.Zones;
using Xunit;

namespace Sunderfall.Grains.Tests.Players;

/// <summary>
/// The party a player grain hands its zone in the combat profile (which shares kills with party members) after the
/// activation that was told of the party is gone: a silo was lost, or the grain was collected while idle.
/// </summary>
[Collection(ClusterCollectionDefinition.Name)]
public sealed class PlayerPartyTests(ClusterFixture fixture)
{
    private readonly IClusterClient client = fixture.Client;

    [Fact]
    public async Task APlayerGrainActivatedAgain_StillFightsInThePartyItsMembershipNames()
    {
        await using var member = await OnlineCharacter.EnterAsync(client);
        var leader = await OnlineCharacter.CreateOfflineAsync(client);
        var party = await CreatePartyAsync(leader);
        Assert.True((await party.InviteAsync(leader, member.Id)).IsSuccess);
        Assert.True((await party.AcceptAsync(member.Id)).IsSuccess);
        await WaitForProfilePartyAsync(member.Grain, party.GetPrimaryKey(), "the party it joined");

        // A party only this activation believes in: seeing the real one again proves the activation was replaced.
        var decoy = Guid.NewGuid();
        await member.Grain.OnPartyChangedAsync(new PartySnapshot(decoy, member.Id, [new PartyMember(member.Id, member.Name)], 5));
        await WaitForProfilePartyAsync(member.Grain, decoy, "the decoy party");
        await member.Grain.Cast<IGrainManagementExtension>().DeactivateOnIdle();

        await WaitForProfilePartyAsync(member.Grain, party.GetPrimaryKey(), "its party again, read by the new activation");
    }

    [Fact]
    public async Task EnterWorldAsync_WhenTheMembershipNamesAPartyThatDoesNotListThePlayer_FightsWithoutAParty()
    {
        using var frontend = new TestFrontend(client);
        var id = await OnlineCharacter.CreateOfflineAsync(client);
        var player = client.GetGrain<IPlayerGrain>(id);
        var party = await CreatePartyAsync(await OnlineCharacter.CreateOfflineAsync(client));
        // Left over from a join that failed after the claim: the party never stored the player.
        Assert.True(await client.GetGrain<IPartyMembershipGrain>(id).TryClaimAsync(party.GetPrimaryKey()));
        await player.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        await WaitForProfilePartyAsync(player, party.GetPrimaryKey(), "the claimed party, read by the new activation");

        var entered = await frontend.EnterAsync(player);

        Assert.True(entered.IsSuccess, entered.Error?.Message);
        Assert.Null((await player.GetCombatProfileAsync())!.PartyId);
        await player.LeaveWorldAsync();
    }

    private async Task<IPartyGrain> CreatePartyAsync(Guid leaderId)
    {
        var party = client.GetGrain<IPartyGrain>(Guid.NewGuid());
        var created = await party.CreateAsync(leaderId);
        Assert.True(created.IsSuccess, created.Error?.Message);
        return party;
    }

    private static async Task WaitForProfilePartyAsync(IPlayerGrain player, Guid partyId, string expected)
    {
        var found = await Eventually.AskUntilFoundAsync(
            async () => (await player.GetCombatProfileAsync())?.PartyId == partyId ? "found" : null, TestWorld.Patience);
        Assert.True(found is not null, $"the combat profile never named {expected} ({partyId})");
    }
}
