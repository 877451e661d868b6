namespace Sunderfall.Grains.Interfaces.Players;

/// <summary>What a <see cref="PlayerEvent"/> carries.</summary>
public enum PlayerEventKind
{
    /// <summary>A chat line for this player (<see cref="PlayerEvent.Chat"/>).</summary>
    Chat = 1,
    /// <summary>The player's party changed (<see cref="PlayerEvent.Party"/>; null when the player has none now).</summary>
    PartyChanged = 2,
    /// <summary>The player was invited to a party (<see cref="PlayerEvent.Invite"/>).</summary>
    PartyInvited = 3,
    /// <summary>A reward was committed and applied (<see cref="PlayerEvent.Reward"/>, and the new <see cref="PlayerEvent.Sheet"/>).</summary>
    RewardGranted = 4,
    /// <summary>The character sheet changed (level, items, equipment, gold): <see cref="PlayerEvent.Sheet"/>.</summary>
    SheetChanged = 5,
}
