namespace Sunderfall.Grains.Interfaces.Parties;

/// <summary>A party as it stands: its leader, members (leader included) and size limit.</summary>
[GenerateSerializer, Immutable, Alias("sf.PartySnapshot")]
public sealed record PartySnapshot(
    [property: Id(0)] Guid PartyId,
    [property: Id(1)] Guid LeaderId,
    [property: Id(2)] IReadOnlyList<PartyMember> Members,
    [property: Id(3)] int MaxSize);
