using Sunderfall.Grains.Interfaces.Names;

namespace Sunderfall.Grains.Names;

/// <summary>One name's claim, persisted before the claim is reported, so a name is never handed out twice.</summary>
public sealed class CharacterNameGrain(
    [PersistentState("name", GrainStorage.Game)] IPersistentState<CharacterNameState> state,
    TimeProvider clock) : Grain, ICharacterNameGrain
{
    public async Task<bool> TryClaimAsync(Guid playerId)
    {
        if (state.State.OwnerId is { } owner)
        {
            return owner == playerId;
        }

        state.State.OwnerId = playerId;
        state.State.ClaimedAt = clock.GetUtcNow();
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Not stored means not claimed: a retry must write again rather than trust memory.
            state.State.OwnerId = null;
            state.State.ClaimedAt = null;
            throw;
        }

        return true;
    }

    public Task<Guid?> GetOwnerAsync() => Task.FromResult(state.State.OwnerId);
}
