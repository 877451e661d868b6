namespace Sunderfall.Grains.Names;

/// <summary>Who holds a character name.</summary>
public sealed class CharacterNameState
{
    /// <summary>The owning character, or null while unclaimed.</summary>
    public Guid? OwnerId { get; set; }

    /// <summary>When it was claimed.</summary>
    public DateTimeOffset? ClaimedAt { get; set; }
}
