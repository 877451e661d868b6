namespace Sunderfall.LoadTest.Engine;

/// <summary>How the bots play (docs/performance.md, "Load and capacity").</summary>
public enum Scenario
{
    /// <summary>Zones of 35 players each, walking over the zone.</summary>
    Spread,

    /// <summary>Every bot in one zone instance, spread over its area.</summary>
    Crowd,

    /// <summary>Parties of five fighting monsters.</summary>
    Combat,

    /// <summary>Players connecting and leaving all the time.</summary>
    Churn,
}
