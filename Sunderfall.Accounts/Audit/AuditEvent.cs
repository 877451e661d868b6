namespace Sunderfall.Accounts.Audit;

/// <summary>Something to append to the audit log. Never put a password, token or other secret in it.</summary>
/// <param name="Action">What happened, e.g. "login.failed"; see <see cref="AuditActions"/>.</param>
/// <param name="ActorId">The account that did it (for logins: the account logged into), if known.</param>
/// <param name="ActorName">The actor's username at the time.</param>
/// <param name="Target">What it was done to (a username, a session id), if anything.</param>
/// <param name="Ip">The client address the request came from.</param>
/// <param name="Details">Further facts, stored as a JSON object of strings.</param>
public sealed record AuditEvent(
    string Action,
    Guid? ActorId = null,
    string? ActorName = null,
    string? Target = null,
    string? Ip = null,
    IReadOnlyDictionary<string, string>? Details = null)
{
    /// <summary>When it happened; <see cref="AuditLog.Append"/> stamps the current time when this is null.</summary>
    public DateTimeOffset? At { get; init; }
}
