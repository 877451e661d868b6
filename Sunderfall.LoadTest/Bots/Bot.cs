using System.Diagnostics;
using Sunderfall.LoadTest.Engine;

namespace Sunderfall.LoadTest.Bots;

/// <summary>
/// One bot player: joins, sends inputs at the set rate until stopped (leaving and coming back all the time in the
/// churn scenario), and times each input to the moment its result is seen.
/// </summary>
internal abstract class Bot : IAsyncDisposable
{
    private const int Remembered = 256;
    private readonly long[] sentAt = new long[Remembered];
    private readonly object gate = new();
    private readonly CancellationTokenSource stop = new();
    private readonly TaskCompletionSource<bool> joined = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long lastSent;
    private long lastAcked;
    private Task? life;

    protected Bot(int index, LoadOptions options, LoadMetrics metrics)
    {
        Index = index;
        Options = options;
        Metrics = metrics;
        Random = new Random(HashCode.Combine(options.Seed, index));
    }

    public int Index { get; }

    protected LoadOptions Options { get; }

    protected LoadMetrics Metrics { get; }

    protected Random Random { get; }

    /// <summary>Completes with true once the bot is first in the game, false if it could not get there.</summary>
    public Task<bool> Joined => joined.Task;

    public abstract bool Connected { get; }

    public abstract bool InGame { get; }

    public void Start() => life = Task.Run(() => LiveAsync(stop.Token));

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        if (life is not null)
        {
            try
            {
                await life.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Stopped.
            }
        }

        joined.TrySetResult(false);
        try
        {
            await CloseAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or ObjectDisposedException or OperationCanceledException)
        {
            // Closing a connection that is already gone.
        }

        stop.Dispose();
    }

    /// <summary>
    /// Makes sure the bot has an account before it starts (registers it, or logs in when it exists); false, with the
    /// error counted, when it could not. The default has no accounts.
    /// </summary>
    public virtual Task<bool> SignUpAsync(CancellationToken cancellationToken) => Task.FromResult(true);

    /// <summary>Connects and enters the game (signing in first if needed); false (with the error counted) when it could not.</summary>
    protected abstract Task<bool> JoinAsync(CancellationToken cancellationToken);

    /// <summary>Leaves the game and closes the connection (churn).</summary>
    protected abstract Task LeaveAsync();

    /// <summary>Sends one input (and whatever else the scenario does at this moment).</summary>
    protected abstract Task TickAsync(CancellationToken cancellationToken);

    /// <summary>Releases the connection for good.</summary>
    protected abstract ValueTask CloseAsync();

    /// <summary>Notes the moment input <paramref name="sequence"/> is sent.</summary>
    protected void Sending(long sequence)
    {
        lock (gate)
        {
            sentAt[sequence % Remembered] = Stopwatch.GetTimestamp();
            lastSent = Math.Max(lastSent, sequence);
        }
    }

    /// <summary>The server (or the relay's echo) has shown the results of every input up to <paramref name="sequence"/>.</summary>
    protected void Acknowledged(long sequence)
    {
        var now = Stopwatch.GetTimestamp();
        lock (gate)
        {
            var upTo = Math.Min(sequence, lastSent);
            for (var s = Math.Max(lastAcked + 1, upTo - Remembered + 1); s <= upTo; s++)
            {
                Metrics.InputAcknowledged(now - sentAt[s % Remembered]);
            }

            lastAcked = Math.Max(lastAcked, upTo);
        }
    }

    /// <summary>Forgets inputs that will never be answered (the bot left the game).</summary>
    protected void ForgetUnacknowledged()
    {
        lock (gate)
        {
            lastAcked = lastSent;
        }
    }

    private async Task LiveAsync(CancellationToken cancellationToken)
    {
        var first = await JoinOnceAsync(cancellationToken).ConfigureAwait(false);
        joined.TrySetResult(first);
        if (!first)
        {
            return;
        }

        var period = TimeSpan.FromSeconds(1 / Options.InputsPerSecond);
        // Bots started together do not all send in the same millisecond.
        await Task.Delay(TimeSpan.FromMilliseconds(Random.NextDouble() * period.TotalMilliseconds), cancellationToken).ConfigureAwait(false);
        using var timer = new PeriodicTimer(period);
        var leaveAt = NextLeave();
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            if (DateTime.UtcNow >= leaveAt)
            {
                await LeaveAsync().ConfigureAwait(false);
                ForgetUnacknowledged();
                await Task.Delay(TimeSpan.FromSeconds(1 + (Random.NextDouble() * 2)), cancellationToken).ConfigureAwait(false);
                while (!await JoinOnceAsync(cancellationToken).ConfigureAwait(false))
                {
                    await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken).ConfigureAwait(false);
                }

                leaveAt = NextLeave();
                continue;
            }

            try
            {
                await TickAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                Metrics.Error("BotFault:" + ex.GetType().Name);
            }
        }
    }

    private DateTime NextLeave()
    {
        if (Options.Scenario != Scenario.Churn)
        {
            return DateTime.MaxValue;
        }

        var (min, max) = Options.ChurnStaySeconds;
        return DateTime.UtcNow + TimeSpan.FromSeconds(min + (Random.NextDouble() * (max - min)));
    }

    private async Task<bool> JoinOnceAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Options.StartTimeout);
        try
        {
            return await JoinAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Metrics.Error("JoinTimeout");
            return false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Metrics.Error("JoinFailed:" + ex.GetType().Name);
            return false;
        }
    }
}
