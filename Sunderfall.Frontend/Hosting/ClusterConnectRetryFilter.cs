namespace Sunderfall.Frontend.Hosting;

/// <summary>Keeps retrying the first connection to the cluster, so the frontend starts (not ready) before any silo.</summary>
internal sealed class ClusterConnectRetryFilter(ILogger<ClusterConnectRetryFilter> logger) : IClientConnectionRetryFilter
{
    private int attempts;

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        var attempt = Interlocked.Increment(ref attempts);
        if (attempt == 1 || attempt % 15 == 0)
        {
            logger.LogWarning("frontend: no silo reachable yet (attempt {Attempt}): {Reason}; retrying every 2 s", attempt, exception.Message);
        }

        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        return !cancellationToken.IsCancellationRequested;
    }
}
