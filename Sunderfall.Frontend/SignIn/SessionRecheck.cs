using System.Globalization;
using Sunderfall.Accounts.Accounts;
using Sunderfall.Grains.Interfaces.Accounts;

namespace Sunderfall.Frontend.SignIn;

/// <summary>
/// The decisions of one session re-check round, without I/O: which sessions to ask PostgreSQL about, and which live
/// connections to close given the sessions it says have ended.
/// </summary>
public static class SessionRecheck
{
    /// <summary>The message a connection whose sign-in ended (logout, revocation, expiry) is closed with.</summary>
    public const string EndedMessage = "this sign-in session has ended (signed out or revoked); sign in again";

    /// <summary>The session a connection names, or null when it names none (the hub accepts no such connection).</summary>
    public static SessionKey? KeyOf(Guid accountId, Guid sessionId) =>
        accountId != Guid.Empty && sessionId != Guid.Empty ? new SessionKey(accountId, sessionId) : null;

    /// <summary>The distinct sessions of the live connections: what one round asks about.</summary>
    public static SessionKey[] SessionsToAsk(IReadOnlyList<(string ConnectionId, SessionKey? Session)> live)
    {
        ArgumentNullException.ThrowIfNull(live);
        var keys = new HashSet<SessionKey>(live.Count);
        foreach (var (_, session) in live)
        {
            if (session is { } key)
            {
                keys.Add(key);
            }
        }

        return [.. keys];
    }

    /// <summary>
    /// The connections to close: those whose session has ended (Kicked with the ban's reason when the account is
    /// banned, otherwise Ended), and those naming no session at all (Ended). Every other connection stays.
    /// </summary>
    public static IReadOnlyList<SessionClosure> Decide(
        IReadOnlyList<(string ConnectionId, SessionKey? Session)> live, IReadOnlyCollection<EndedSession> ended)
    {
        ArgumentNullException.ThrowIfNull(live);
        ArgumentNullException.ThrowIfNull(ended);
        if (ended.Count == 0 && live.All(c => c.Session is not null))
        {
            return [];
        }

        var bySession = new Dictionary<SessionKey, EndedSession>(ended.Count);
        foreach (var session in ended)
        {
            bySession[session.Session] = session;
        }

        var closures = new List<SessionClosure>();
        foreach (var (connectionId, session) in live)
        {
            if (session is not { } key)
            {
                closures.Add(new SessionClosure(connectionId, SessionCloseReason.Ended, EndedMessage));
            }
            else if (bySession.TryGetValue(key, out var end))
            {
                closures.Add(end.BannedUntil is { } until
                    ? new SessionClosure(connectionId, SessionCloseReason.Kicked, BanMessage(until, end.BanReason))
                    : new SessionClosure(connectionId, SessionCloseReason.Ended, EndedMessage));
            }
        }

        return closures;
    }

    /// <summary>What a banned player is told: the reason and when the ban ends.</summary>
    public static string BanMessage(DateTimeOffset until, string? reason) =>
        string.Create(CultureInfo.InvariantCulture, $"banned until {until.ToUniversalTime():u}: {(string.IsNullOrWhiteSpace(reason) ? "no reason given" : reason)}");
}
