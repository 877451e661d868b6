namespace Sunderfall.Grains.AntiCheat;

/// <summary>A player's suspicious actions crossed a threshold: one row of the cheat_flags table, for moderators to review.</summary>
/// <param name="At">When the threshold was crossed.</param>
/// <param name="AccountId">The player's account, when the reporter knows it (zones do not).</param>
/// <param name="PlayerId">The character that did it.</param>
/// <param name="Kind">What was suspicious, e.g. <see cref="SuspicionRules.MalformedInput"/>.</param>
/// <param name="Severity">1 low (worth a look), 2 medium, 3 high (no honest client does this).</param>
/// <param name="Count">Suspicious events within the rule's window when the flag was raised.</param>
/// <param name="Details">Further facts (the rule, the zone), stored as a JSON object of strings.</param>
public sealed record CheatFlag(
    DateTimeOffset At,
    Guid? AccountId,
    Guid? PlayerId,
    string Kind,
    short Severity,
    int Count,
    IReadOnlyDictionary<string, string> Details);
