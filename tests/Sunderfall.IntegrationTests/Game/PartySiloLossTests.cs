using Sunderfall.IntegrationTests.Infrastructure;
using Xunit;

namespace Sunderfall.IntegrationTests.Game;

/// <summary>
/// Kills the silo holding a party with SIGKILL, so this class runs a cluster of its own (in the proving grounds, where
/// characters start beside a dummy that dies to one strike).
/// </summary>
public sealed class PartySiloLossTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private GameCluster cluster = null!;

    public async Task InitializeAsync() =>
        cluster = await GameCluster.StartAsync("partyloss", siloCount: 2, ProvingGrounds.SiloSettings(ProvingGrounds.CreateContentDirectory()));

    public async Task DisposeAsync() => await cluster.DisposeAsync();

    [Fact]
    public async Task APartySurvivesTheLossOfTheSiloItWasActiveOn()
    {
        await using var leader = await cluster.ConnectAsync();
        await using var member = await cluster.ConnectAsync();
        var (leaderCharacter, _) = await leader.CreateAndEnterAsync("Chief");
        var (memberCharacter, _) = await member.CreateAndEnterAsync("Follow");
        var created = await leader.CreatePartyAsync();
        Assert.True(created.Ok, created.Error?.Message);
        Assert.True((await leader.InviteToPartyAsync(memberCharacter.Name)).Ok);
        Assert.True(await GameClient.EventuallyAsync(() => !member.PartyInvites.IsEmpty, Wait));
        Assert.True((await member.AcceptPartyInviteAsync(created.Value!.PartyId)).Ok);

        var port = await cluster.FindSiloPortOfAsync(Orleans.Runtime.GrainId.Create("party", Guid.Parse(created.Value.PartyId).ToString("N")));
        Assert.NotNull(port);
        var victim = cluster.Silos.Single(s => s.SiloPort == port).Process;
        victim.Kill();

        // Until membership declares the silo dead, calls routed there fail (Unavailable); then the party re-activates
        // on the survivor from PostgreSQL.
        Sunderfall.Protocol.Social.PartyInfo? party = null;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (party is not { Members.Length: 2 } && DateTime.UtcNow < deadline)
        {
            var answer = await member.GetPartyAsync();
            party = answer.Ok ? answer.Value : null;
            await Task.Delay(500);
        }

        Assert.True(party is { Members.Length: 2 }, $"the party was not back with both members:\n{cluster.Frontend.Tail()}");
        Assert.Equal(created.Value.PartyId, party!.PartyId);
        Assert.Equal(leaderCharacter.Id, party.LeaderId);

        // Events reach players through the zone that holds them; a zone that lost its silo holds them again once the
        // frontend renews its subscription (2 s here). Party chat works again from then on.
        var zoneId = leader.Zone!.ZoneId;
        var restored = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while ((await cluster.ZoneStatusAsync(zoneId)).Players < 2 && DateTime.UtcNow < restored)
        {
            await Task.Delay(500);
        }

        var chat = await member.SendChatAsync("party", "still here?");
        Assert.True(chat.Ok, chat.Error?.Message);
        Assert.True(await GameClient.EventuallyAsync(() => leader.Chats.Any(c => c.Text == "still here?"), Wait),
            $"the leader never got the party line (the member got {member.Chats.Count(c => c.Text == "still here?")} echo(es); leader errors: "
            + $"{string.Join("; ", leader.Errors.Select(e => e.Message))}; member party changes {member.PartyChanges.Count})");

        // Kills are still shared with the party by a member whose player grain was activated again after the loss (it
        // was on the lost silo, or is dropped here): the new activation reads its party back before re-entering.
        await cluster.DeactivatePlayerAsync(Guid.Parse(memberCharacter.Id));
        Assert.True((await member.LeaveWorldAsync()).Ok);
        var entered = await member.EnterWorldAsync(memberCharacter.Id);
        Assert.True(entered.Ok, entered.Error?.Message);
        var striking = DateTime.UtcNow + Wait;
        while (member.Rewards.IsEmpty && DateTime.UtcNow < striking)
        {
            if (leader.Find(ProvingGrounds.Dummy) is { } dummy)
            {
                await leader.UseAbilityAsync("strike", dummy.NetId);
            }

            await Task.Delay(400);
        }

        Assert.True(member.Rewards.TryPeek(out var share), $"the member got no share of the leader's kills within {Wait.TotalSeconds} s:\n{cluster.Frontend.Tail()}");
        Assert.Equal(ProvingGrounds.ExperiencePerKill / 2, share.Experience);
    }
}
