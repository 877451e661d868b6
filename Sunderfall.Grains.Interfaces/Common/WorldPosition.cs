namespace Sunderfall.Grains.Interfaces.Common;

/// <summary>A point in a zone, in zone units.</summary>
[GenerateSerializer, Immutable, Alias("sf.WorldPosition")]
public readonly record struct WorldPosition(
    [property: Id(0)] float X,
    [property: Id(1)] float Y)
{
    /// <summary>Distance to <paramref name="other"/> in zone units.</summary>
    public float DistanceTo(WorldPosition other) => MathF.Sqrt(((X - other.X) * (X - other.X)) + ((Y - other.Y) * (Y - other.Y)));

    /// <summary>True when both coordinates are finite numbers.</summary>
    public bool IsFinite => float.IsFinite(X) && float.IsFinite(Y);
}
