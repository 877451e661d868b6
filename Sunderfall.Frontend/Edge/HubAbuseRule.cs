namespace Sunderfall.Frontend.Edge;

/// <summary>
/// When refusals of one kind at the hub become a cheat flag: <paramref name="Threshold"/> within
/// <paramref name="Window"/> for one account.
/// </summary>
/// <param name="Kind">The cheat_flags kind, e.g. invalid_invocation.</param>
/// <param name="Threshold">Refusals within the window that raise the flag.</param>
/// <param name="Window">The sliding window.</param>
/// <param name="Severity">1 low, 2 medium, 3 high.</param>
/// <param name="Description">The rule in words, stored with the flag.</param>
public sealed record HubAbuseRule(string Kind, int Threshold, TimeSpan Window, short Severity, string Description);
