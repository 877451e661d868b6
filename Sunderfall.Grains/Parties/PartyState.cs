namespace Sunderfall.Grains.Parties;

/// <summary>A party as stored: no members means no party (never created, or disbanded).</summary>
// [GenerateSerializer] puts the type on Orleans' allow-list, which type-named JSON storage checks when reading it
// back (the test silos' memory storage; the silo's plain JSON does not need it).
[GenerateSerializer]
public sealed class PartyState
{
    [Id(0)]
    public Guid LeaderId { get; set; }

    /// <summary>The members, leader included, in the order they joined: the first is the longest-standing.</summary>
    [Id(1)]
    public List<PartyMemberState> Members { get; set; } = [];

    /// <summary>Invites not yet accepted or declined (expired ones are dropped as they are met).</summary>
    [Id(2)]
    public List<PartyInviteState> Invites { get; set; } = [];

    [Id(3)]
    public DateTimeOffset CreatedAt { get; set; }
}
