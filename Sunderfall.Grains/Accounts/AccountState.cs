namespace Sunderfall.Grains.Accounts;

/// <summary>The ids of an account's characters (an id is listed before its character is created; see AccountGrain).</summary>
public sealed class AccountState
{
    public List<Guid> CharacterIds { get; set; } = [];
}
