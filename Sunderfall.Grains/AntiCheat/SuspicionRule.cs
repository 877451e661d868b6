namespace Sunderfall.Grains.AntiCheat;

/// <summary>
/// When events of one kind become a flag: at least <see cref="Threshold"/> of them within <see cref="Window"/>, in
/// each of the last <see cref="SustainedWindows"/> consecutive windows (so a rate must be kept up, not just touched by
/// one burst).
/// </summary>
/// <param name="Kind">The event kind, also the flag's kind in cheat_flags.</param>
/// <param name="Threshold">Events per window that count as suspicious.</param>
/// <param name="Window">The sliding window events are counted in.</param>
/// <param name="SustainedWindows">How many consecutive windows, ending now, must each reach the threshold (1 or more).</param>
/// <param name="Severity">The flag's severity, 1 (low) to 3 (high).</param>
/// <param name="Description">What the rule says, for moderators (stored in the flag's details).</param>
public sealed record SuspicionRule(string Kind, int Threshold, TimeSpan Window, int SustainedWindows, short Severity, string Description)
{
    /// <summary>How far back events matter: every window the rule looks at.</summary>
    public TimeSpan Span => Window * SustainedWindows;
}
