namespace Sunderfall.Stores.Support;

/// <summary>
/// A character holding more of a resource than all its recorded reward grants ever gave it.
/// </summary>
/// <param name="PlayerId">The character.</param>
/// <param name="AccountId">Its owner, as the stored character names it (null if it names none).</param>
/// <param name="Resource">"gold", or "item:" followed by the item id.</param>
/// <param name="Held">What the stored character holds (a decimal number as text: stored state may hold any number).</param>
/// <param name="Granted">What its reward grants gave in total, delivered or not.</param>
/// <param name="FlagId">The impossible_resource cheat flag for it: raised now, or within the last day.</param>
/// <param name="NewFlag">True when this run raised the flag.</param>
public sealed record ResourceDiscrepancy(
    Guid PlayerId,
    Guid? AccountId,
    string Resource,
    string Held,
    string Granted,
    long FlagId,
    bool NewFlag);
