using Sunderfall.LoadTest.Engine;

namespace Sunderfall.LoadTest.Reports;

/// <summary>Everything a run writes to its JSON file, and what its HTML report draws.</summary>
public sealed record RunReport(
    string Kind,
    string Target,
    string Scenario,
    DateTimeOffset Started,
    string Command,
    IReadOnlyDictionary<string, string> Settings,
    WindowResult? Window,
    CapacityResult? Capacity,
    IReadOnlyList<TimelinePoint> Timeline);
