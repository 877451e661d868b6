namespace Sunderfall.Grains.Parties;

/// <summary>One member as stored.</summary>
[GenerateSerializer]
public sealed class PartyMemberState
{
    [Id(0)]
    public Guid PlayerId { get; set; }

    [Id(1)]
    public string Name { get; set; } = "";

    [Id(2)]
    public DateTimeOffset JoinedAt { get; set; }
}
