namespace Sunderfall.Stores.CheatFlags;

/// <summary>A new row of cheat_flags: someone's suspicious actions crossed a rule's threshold.</summary>
/// <param name="At">When the threshold was crossed.</param>
/// <param name="AccountId">The account, when the reporter knows it (the hub does, zones do not).</param>
/// <param name="PlayerId">The character, when there is one.</param>
/// <param name="Kind">What was seen, e.g. malformed_input, hub_rate_limited (docs/operations.md lists them).</param>
/// <param name="Severity">1 low (worth a look), 2 medium, 3 high (no honest client does this).</param>
/// <param name="Count">Suspicious events within the rule's window when the flag was raised.</param>
/// <param name="Details">Further facts (the rule, the zone or connection), stored as a JSON object.</param>
public sealed record CheatFlagReport(
    DateTimeOffset At,
    Guid? AccountId,
    Guid? PlayerId,
    string Kind,
    short Severity,
    int Count,
    IReadOnlyDictionary<string, object> Details);
