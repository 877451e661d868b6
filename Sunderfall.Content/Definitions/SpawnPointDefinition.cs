namespace Sunderfall.Content.Definitions;

/// <summary>Keeps <see cref="Count"/> monsters of one kind alive around a point, respawning the dead.</summary>
public sealed record SpawnPointDefinition
{
    /// <summary>Id of a monster definition.</summary>
    public required string Monster { get; init; }

    public required float X { get; init; }

    public required float Y { get; init; }

    public int Count { get; init; } = 1;

    /// <summary>Monsters appear within this many units of the point.</summary>
    public float Radius { get; init; } = 5f;

    public float RespawnSeconds { get; init; } = 30f;
}
