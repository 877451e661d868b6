using System.Diagnostics;
using Microsoft.Extensions.Options;
using Sunderfall.Accounts.Accounts;
using Sunderfall.Frontend.Connections;

namespace Sunderfall.Frontend.SignIn;

/// <summary>
/// Every <see cref="SessionRecheckOptions.Interval"/>, asks PostgreSQL in one query which of this frontend's live
/// connections' sign-in sessions have ended (logout, revocation, expiry) or belong to a banned account, and closes
/// those connections with the typed error the client knows (Kicked for a ban, SessionEnded otherwise). A ban or logout
/// normally closes the connection at once through the account grain's in-memory session claim; this is what still
/// closes it when that claim was lost with its silo. A round that cannot reach the database closes nothing.
/// </summary>
public sealed class SessionRecheckService(
    ConnectionRegistry connections,
    AccountService accounts,
    SessionRelay relay,
    SessionRecheckMetrics metrics,
    IOptions<SessionRecheckOptions> options,
    TimeProvider time,
    ILogger<SessionRecheckService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await RecheckAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>One round; returns how many connections it closed.</summary>
    private async Task<int> RecheckAsync(CancellationToken cancellationToken)
    {
        var startedAt = Stopwatch.GetTimestamp();
        var live = new List<(string ConnectionId, SessionKey? Session)>();
        foreach (var connection in connections.Live())
        {
            live.Add((connection.ConnectionId, SessionRecheck.KeyOf(connection.AccountId, connection.SessionId)));
        }

        if (live.Count == 0)
        {
            return 0;
        }

        var ended = new List<EndedSession>();
        try
        {
            // One query a round: a frontend holds far fewer connections than one query may ask about.
            foreach (var chunk in SessionRecheck.SessionsToAsk(live).Chunk(AccountService.MaxSessionsPerCheck))
            {
                ended.AddRange(await accounts.FindEndedSessionsAsync(chunk, cancellationToken));
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            metrics.Failed();
            logger.LogWarning(ex, "Could not re-check the sessions of {Count} live connections; trying again in {Interval}", live.Count, options.Value.Interval);
            return 0;
        }

        var closures = SessionRecheck.Decide(live, ended);
        if (closures.Count > 0)
        {
            await Task.WhenAll(closures.Select(CloseAsync));
        }

        metrics.RoundTook(startedAt);
        return closures.Count;
    }

    private async Task CloseAsync(SessionClosure closure)
    {
        logger.LogInformation("Closing connection {Connection}: its sign-in session is no longer live ({Reason})", closure.ConnectionId, closure.Reason);
        metrics.Closed(closure.Reason);
        await relay.OnSessionClosedAsync(closure.ConnectionId, closure.Reason, closure.Message);
    }
}
