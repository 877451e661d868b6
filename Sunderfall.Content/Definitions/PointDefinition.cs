namespace Sunderfall.Content.Definitions;

/// <summary>A point in a zone, in units.</summary>
public sealed record PointDefinition(float X, float Y);
