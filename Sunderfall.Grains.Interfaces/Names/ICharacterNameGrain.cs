namespace Sunderfall.Grains.Interfaces.Names;

/// <summary>
/// The owner of one character name, keyed by the name's normalized form (see CharacterNames.Normalize), so two
/// names that differ only in case meet in the same grain and only one claim can win.
/// </summary>
public interface ICharacterNameGrain : IGrainWithStringKey
{
    /// <summary>Claims the name for <paramref name="playerId"/>; true if it is now (or already was) theirs.</summary>
    Task<bool> TryClaimAsync(Guid playerId);

    /// <summary>The character holding the name, or null.</summary>
    Task<Guid?> GetOwnerAsync();
}
