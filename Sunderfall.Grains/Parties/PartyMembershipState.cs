namespace Sunderfall.Grains.Parties;

/// <summary>The party a player is in, as stored.</summary>
// [GenerateSerializer] puts the type on Orleans' allow-list, which type-named JSON storage checks when reading it
// back (the test silos' memory storage; the silo's plain JSON does not need it).
[GenerateSerializer]
public sealed class PartyMembershipState
{
    /// <summary>The party holding the player, or null.</summary>
    [Id(0)]
    public Guid? PartyId { get; set; }

    /// <summary>When that party claimed the player.</summary>
    [Id(1)]
    public DateTimeOffset? Since { get; set; }
}
