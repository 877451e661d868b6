namespace Sunderfall.Content.Definitions;

/// <summary>A circle in a zone that moves a player who walks into it to a point in another (or the same) zone.</summary>
public sealed record PortalDefinition
{
    public required string Id { get; init; }

    public required float X { get; init; }

    public required float Y { get; init; }

    public float Radius { get; init; } = 2f;

    /// <summary>Id of the zone template the portal leads to.</summary>
    public required string TargetZone { get; init; }

    public required float TargetX { get; init; }

    public required float TargetY { get; init; }
}
