using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace Sunderfall.Frontend.Connections;

/// <summary>
/// Drops every connection whose one write in flight has waited longer than <see cref="OutboxOptions.SendStallTimeout"/>
/// for its client to read, checking every <see cref="OutboxOptions.StallCheckInterval"/>. A queue that fills is caught
/// when the event that would pass the cap is handed in; this catches a client that stops reading while little is sent.
/// </summary>
public sealed class StalledConnectionSweeper(ConnectionRegistry registry, IOptions<OutboxOptions> options) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var bound = options.Value.SendStallTimeout;
        using var timer = new PeriodicTimer(options.Value.StallCheckInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var now = Stopwatch.GetTimestamp();
                foreach (var connection in registry.Live())
                {
                    connection.DropIfStalled(now, bound);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
