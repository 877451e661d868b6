namespace Sunderfall.Accounts.Audit;

/// <summary>A row of the audit log, as moderators read it.</summary>
/// <param name="Id">Increasing row id.</param>
/// <param name="At">When it happened.</param>
/// <param name="ActorId">The account that did it, if known.</param>
/// <param name="ActorName">The actor's username at the time.</param>
/// <param name="Action">What happened, see <see cref="AuditActions"/>.</param>
/// <param name="Target">What it was done to.</param>
/// <param name="Ip">The client address.</param>
/// <param name="Details">Further facts as a JSON object, or null.</param>
public sealed record AuditEntry(
    long Id,
    DateTimeOffset At,
    Guid? ActorId,
    string? ActorName,
    string Action,
    string? Target,
    string? Ip,
    string? Details);
