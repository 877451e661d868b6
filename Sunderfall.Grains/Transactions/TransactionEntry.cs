namespace Sunderfall.Grains.Transactions;

/// <summary>
/// One state-changing player action for the transaction log: when, what (<see cref="TransactionKinds"/>), who did
/// it, to whom, in which encounter and zone, and the particulars (item ids, amounts...) as JSON-ready values.
/// </summary>
public sealed record TransactionEntry(
    DateTimeOffset At,
    string Kind,
    Guid ActorId,
    Guid? TargetId = null,
    Guid? EncounterId = null,
    string? ZoneId = null,
    IReadOnlyDictionary<string, object?>? Details = null);
