namespace Sunderfall.Grains;

/// <summary>Names of the grain storage providers the grains use; the silo registers them.</summary>
public static class GrainStorage
{
    /// <summary>Durable game state (characters, name claims) in PostgreSQL.</summary>
    public const string Game = "game";
}
