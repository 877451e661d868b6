using Sunderfall.Grains.Interfaces.Accounts;
using Sunderfall.Grains.Interfaces.Common;
using Sunderfall.Grains.Interfaces.Players;

namespace Sunderfall.Grains.Accounts;

/// <summary>
/// Creates and lists an account's characters. The new character's id is stored here before the character is
/// created, so a crash in between leaves at worst an id without a character (skipped when listing), never a
/// character the account cannot find.
/// </summary>
public sealed class AccountGrain([PersistentState("account", GrainStorage.Game)] IPersistentState<AccountState> state) : Grain, IAccountGrain
{
    /// <summary>Characters one account may have.</summary>
    public const int MaxCharacters = 8;

    // The live game session: memory only. After a silo loss the next connection claims afresh; a stale older
    // connection then lives on until it disconnects, which the frontend's per-connection checks tolerate.
    private GameSessionClaim? session;

    public async Task<GameResult<CharacterSnapshot>> CreateCharacterAsync(string name, CharacterClass characterClass)
    {
        var existing = await GetCharactersAsync();
        if (existing.Count >= MaxCharacters)
        {
            return GameResult<CharacterSnapshot>.Failure(GameErrorCode.LimitReached, $"an account may have at most {MaxCharacters} characters");
        }

        var id = Guid.NewGuid();
        state.State.CharacterIds.Add(id);
        await state.WriteStateAsync();
        var created = await GrainFactory.GetGrain<IPlayerGrain>(id).CreateAsync(new CreateCharacterRequest(name, characterClass, this.GetPrimaryKey()));
        if (!created.IsSuccess)
        {
            state.State.CharacterIds.Remove(id);
            await state.WriteStateAsync();
        }

        return created;
    }

    public Task ClaimSessionAsync(GameSessionClaim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        if (session is { } previous && previous.ConnectionId != claim.ConnectionId)
        {
            // One-way: the old frontend closes its connection on its own time.
            _ = previous.Frontend.OnSessionClosedAsync(previous.ConnectionId, SessionCloseReason.Replaced, "this account signed in from another connection");
        }

        session = claim;
        return Task.CompletedTask;
    }

    public Task<bool> KickAsync(string message)
    {
        if (session is not { } live)
        {
            return Task.FromResult(false);
        }

        _ = live.Frontend.OnSessionClosedAsync(live.ConnectionId, SessionCloseReason.Kicked, message);
        session = null;
        return Task.FromResult(true);
    }

    public Task<bool> EndSessionAsync(Guid? signInSession, string message)
    {
        if (session is not { } live || (signInSession is { } ended && live.SignInSession != ended))
        {
            return Task.FromResult(false);
        }

        _ = live.Frontend.OnSessionClosedAsync(live.ConnectionId, SessionCloseReason.Ended, message);
        session = null;
        return Task.FromResult(true);
    }

    public Task ReleaseSessionAsync(string connectionId)
    {
        if (session?.ConnectionId == connectionId)
        {
            session = null;
        }

        return Task.CompletedTask;
    }

    public Task<bool> OwnsCharacterAsync(Guid characterId) => Task.FromResult(state.State.CharacterIds.Contains(characterId));

    public async Task<IReadOnlyList<CharacterSnapshot>> GetCharactersAsync()
    {
        var characters = await Task.WhenAll(state.State.CharacterIds.Select(id => GrainFactory.GetGrain<IPlayerGrain>(id).GetAsync()));
        return [.. characters.OfType<CharacterSnapshot>()];
    }
}
