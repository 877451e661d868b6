namespace Sunderfall.Protocol.Tests.Sync;

/// <summary>A generated zone: entity i has net id NetIdBase + i * NetIdStride; Ticks[t][i] is its step at tick t.</summary>
internal sealed record ZoneScenario(int NetIdBase, int NetIdStride, InitialEntity[] Initial, EntityStep[][] Ticks)
{
    public override string ToString() =>
        $"{Initial.Length} entities (ids {NetIdBase} + i*{NetIdStride}), {Ticks.Length} ticks: " +
        string.Join(" | ", Ticks.Select(t => string.Join(",", t.Select(s => s.Kind.ToString()[..2]))));
}
