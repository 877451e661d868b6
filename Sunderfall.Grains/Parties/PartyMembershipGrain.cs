using Sunderfall.Grains.Interfaces.Parties;

namespace Sunderfall.Grains.Parties;

/// <summary>
/// One player's party claim, stored before it is reported. Calls no grain, so the party grains that wait on it cannot
/// deadlock with it.
/// </summary>
public sealed class PartyMembershipGrain(
    [PersistentState("partyMembership", GrainStorage.Game)] IPersistentState<PartyMembershipState> state,
    TimeProvider clock) : Grain, IPartyMembershipGrain
{
    public Task<Guid?> GetPartyAsync() => Task.FromResult(state.State.PartyId);

    public async Task<bool> TryClaimAsync(Guid partyId)
    {
        if (state.State.PartyId is { } held)
        {
            return held == partyId;
        }

        await SetAsync(partyId, clock.GetUtcNow());
        return true;
    }

    public async Task ReleaseAsync(Guid partyId)
    {
        if (state.State.PartyId == partyId)
        {
            await SetAsync(null, null);
        }
    }

    private async Task SetAsync(Guid? partyId, DateTimeOffset? since)
    {
        var (previousParty, previousSince) = (state.State.PartyId, state.State.Since);
        (state.State.PartyId, state.State.Since) = (partyId, since);
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Not stored means not changed: memory must not run ahead of storage.
            (state.State.PartyId, state.State.Since) = (previousParty, previousSince);
            throw;
        }
    }
}
