namespace Sunderfall.Grains.Parties;

/// <summary>One pending invite as stored.</summary>
[GenerateSerializer]
public sealed class PartyInviteState
{
    [Id(0)]
    public Guid PlayerId { get; set; }

    /// <summary>The invitee's name, kept for the member list when they join.</summary>
    [Id(1)]
    public string Name { get; set; } = "";

    [Id(2)]
    public Guid InvitedBy { get; set; }

    [Id(3)]
    public DateTimeOffset ExpiresAt { get; set; }
}
