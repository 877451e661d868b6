using Microsoft.Extensions.Logging;
using Sunderfall.Grains.Interfaces.Parties;
using Sunderfall.Grains.Interfaces.Players;

namespace Sunderfall.Grains.Players;

// The party the character fights in, which the zone reads from the combat profile to share kills. The party grains and
// the player's membership grain hold the truth; this activation keeps a copy, so a new activation (after a silo loss,
// or idle collection) must read it back, or the zone would see a party member without a party.
public sealed partial class PlayerGrain
{
    // Read from the membership grain on activation, checked against the party's roster on entering the world, and kept
    // current by the party grain (OnPartyChangedAsync).
    private Guid? partyId;

    public async Task OnPartyChangedAsync(PartySnapshot? party)
    {
        var before = partyId;
        partyId = party?.PartyId;
        await DeliverAsync(new PlayerEvent(Id, PlayerEventKind.PartyChanged, Party: party));
        if (partyId != before)
        {
            await PushProfileAsync();
        }
    }

    /// <summary>The party the player's membership grain names.</summary>
    // Safe while activating: the membership grain calls no grain, so it never waits on this one. A party grain may be
    // waiting on this activation (it delivers chat to members), so the party itself is asked only on entering the world.
    private Task<Guid?> ClaimedPartyAsync() => GrainFactory.GetGrain<IPartyMembershipGrain>(Id).GetPartyAsync();

    /// <summary>
    /// The claimed party if its roster lists the character; none if it does not (a claim left over from a party change
    /// that failed half-way, which the player's next leave frees).
    /// </summary>
    private async Task<Guid?> ConfirmedPartyAsync()
    {
        if (await ClaimedPartyAsync() is not { } claimed)
        {
            return null;
        }

        try
        {
            // Safe to wait on: a party grain waits on a player grain only in calls that interleave (GetAsync, DeliverAsync).
            var party = await GrainFactory.GetGrain<IPartyGrain>(claimed).GetAsync();
            if (party is not null && party.Members.Any(m => m.PlayerId == Id))
            {
                return claimed;
            }

            logger.LogWarning("Player {Player} is claimed by party {Party}, which does not list it; it fights without a party", Id, claimed);
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The party's silo is failing (calls fail until it is declared dead): the claim is the better guess.
            logger.LogWarning(ex, "Player {Player} could not confirm its party {Party}; it keeps the claim", Id, claimed);
            return claimed;
        }
    }
}
