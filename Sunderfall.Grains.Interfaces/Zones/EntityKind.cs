namespace Sunderfall.Grains.Interfaces.Zones;

/// <summary>What an entity in a zone is.</summary>
public enum EntityKind : byte
{
    /// <summary>A player's character.</summary>
    Player = 0,
    /// <summary>A monster from a spawn point.</summary>
    Monster = 1,
}
