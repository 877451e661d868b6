using System.Text.Json;

namespace Sunderfall.Stores.CheatFlags;

/// <summary>A row of cheat_flags as moderators read it.</summary>
/// <param name="Id">Increasing row id.</param>
/// <param name="At">When the threshold was crossed.</param>
/// <param name="AccountId">The account, when the reporter knew it (hub floods); null for flags raised by zones.</param>
/// <param name="PlayerId">The character, when there was one.</param>
/// <param name="Kind">What was seen, e.g. malformed_input, cooldown_bypass, invalid_invocation, hub_rate_limited (docs/operations.md).</param>
/// <param name="Severity">1 low, 2 medium, 3 high.</param>
/// <param name="Count">Suspicious events within the rule's window when the flag was raised.</param>
/// <param name="Details">The rule, the zone or connection, as a JSON object.</param>
/// <param name="ReviewedAt">When a moderator marked it reviewed, or null.</param>
/// <param name="ReviewedBy">That moderator's account id.</param>
public sealed record CheatFlagEntry(
    long Id,
    DateTimeOffset At,
    Guid? AccountId,
    Guid? PlayerId,
    string Kind,
    short Severity,
    int Count,
    JsonElement? Details,
    DateTimeOffset? ReviewedAt,
    Guid? ReviewedBy);
