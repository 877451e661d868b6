namespace Sunderfall.Silo.Rewards;

/// <summary>
/// Work a silo repeats on a timer while it is up: the first round runs one <see cref="Interval"/> after the host has
/// started (Orleans included, so grains can be called), and rounds stop as soon as the host starts stopping. A round
/// that fails is logged and the next one tries again; nothing here ends the host.
/// </summary>
public abstract class PeriodicSiloService(IHostApplicationLifetime lifetime, TimeProvider time, ILogger logger) : BackgroundService
{
    /// <summary>Time between the starts of two rounds.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>What log lines call this work, e.g. "reward sweeper".</summary>
    protected abstract string Name { get; }

    /// <summary>One round of the work.</summary>
    protected abstract Task RunRoundAsync(CancellationToken cancellationToken);

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Registered before Orleans (see the hosting extension), this service stops after it: stop at ApplicationStopping
        // instead, so no round calls into a silo that is shutting down.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lifetime.ApplicationStopping);
        var token = stopping.Token;
        try
        {
            await WhenStartedAsync(token);
            using var timer = new PeriodicTimer(Interval, time);
            while (await timer.WaitForNextTickAsync(token))
            {
                try
                {
                    await RunRoundAsync(token);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "{Name}: a round failed; trying again in {Interval}", Name, Interval);
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
    }

    private async Task WhenStartedAsync(CancellationToken cancellationToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(cancellationToken);
    }
}
