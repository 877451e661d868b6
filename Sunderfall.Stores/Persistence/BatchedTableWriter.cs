using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Sunderfall.Stores.Persistence;

/// <summary>
/// Writes rows of <typeparamref name="T"/> to one PostgreSQL table off the callers' threads. Subclasses queue rows with
/// <see cref="TryEnqueue"/> or <see cref="EnqueueAsync"/>; a background loop writes them in batches (up to the maximum
/// batch size, or whatever arrived within the flush interval) with one binary COPY each, retries while the database is
/// away, falls back to one row at a time when the database refuses a batch, and writes what is queued before the host
/// stops. Rows that cannot be written are counted in <see cref="DroppedCount"/> and logged as errors.
/// </summary>
/// <typeparam name="T">One row to write.</typeparam>
public abstract class BatchedTableWriter<T> : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    private readonly ILogger logger;
    private readonly string logName;
    private readonly string itemsName;
    private readonly int maxBatchSize;
    private readonly TimeSpan flushInterval;
    private readonly Channel<T> queue;
    private readonly CancellationTokenSource abortWrites = new();
    private TaskCompletionSource batchHandled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long accepted;
    private long handled;
    private long dropped;
    private Task? writing;

    /// <summary>Creates the writer; it writes only while running as a hosted service.</summary>
    /// <param name="dataSource">Where the rows go.</param>
    /// <param name="time">The clock for the flush interval and the retry delay.</param>
    /// <param name="logger">Where errors are logged.</param>
    /// <param name="logName">What log lines start with, e.g. "audit log".</param>
    /// <param name="itemsName">What the rows are called in log lines, e.g. "events".</param>
    /// <param name="capacity">Rows queued at most.</param>
    /// <param name="maxBatchSize">Most rows in one write.</param>
    /// <param name="flushInterval">Longest a row waits in the queue for its batch to fill.</param>
    protected BatchedTableWriter(
        NpgsqlDataSource dataSource, TimeProvider time, ILogger logger, string logName, string itemsName, int capacity, int maxBatchSize, TimeSpan flushInterval)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentException.ThrowIfNullOrWhiteSpace(logName);
        ArgumentException.ThrowIfNullOrWhiteSpace(itemsName);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(flushInterval, TimeSpan.Zero);
        DataSource = dataSource;
        Time = time;
        this.logger = logger;
        this.logName = logName;
        this.itemsName = itemsName;
        this.maxBatchSize = maxBatchSize;
        this.flushInterval = flushInterval;
        queue = Channel.CreateBounded<T>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
    }

    /// <summary>Rows lost because the queue was full, the writer had stopped, or the database refused them.</summary>
    public long DroppedCount => Interlocked.Read(ref dropped);

    /// <summary>Where the rows go.</summary>
    protected NpgsqlDataSource DataSource { get; }

    /// <summary>The writer's clock.</summary>
    protected TimeProvider Time { get; }

    /// <summary>The COPY command for the table, e.g. "COPY t (a, b) FROM STDIN (FORMAT BINARY)".</summary>
    protected abstract string CopyCommand { get; }

    /// <summary>Starts the writing loop.</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Our own task rather than BackgroundService's: that one is skipped altogether when the host stops before it
        // was scheduled, which would lose whatever had been queued by then.
        writing ??= Task.Run(WriteLoopAsync, CancellationToken.None);
        return base.StartAsync(cancellationToken);
    }

    /// <summary>Stops taking rows and writes what is queued, until <paramref name="cancellationToken"/> (the host's shutdown timeout).</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Writer.TryComplete();
        if (writing is not null)
        {
            await using var abort = cancellationToken.Register(abortWrites.Cancel);
            await writing;
        }

        await base.StopAsync(cancellationToken);
    }

    /// <inheritdoc/>
    public override void Dispose()
    {
        abortWrites.Dispose();
        base.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <inheritdoc/>
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => writing ?? Task.CompletedTask;

    /// <summary>Queues a row if there is room right now.</summary>
    protected bool TryEnqueue(T item)
    {
        if (!queue.Writer.TryWrite(item))
        {
            return false;
        }

        Interlocked.Increment(ref accepted);
        return true;
    }

    /// <summary>Queues a row, waiting up to <paramref name="wait"/> for room; false when there was none or the writer has stopped.</summary>
    protected async Task<bool> EnqueueAsync(T item, TimeSpan wait)
    {
        try
        {
            using var timeout = new CancellationTokenSource(wait, Time);
            await queue.Writer.WriteAsync(item, timeout.Token);
            Interlocked.Increment(ref accepted);
            return true;
        }
        catch (OperationCanceledException)
        {
        }
        catch (ChannelClosedException)
        {
        }

        return false;
    }

    /// <summary>Counts one row as dropped and returns how many have been dropped so far.</summary>
    protected long CountDropped() => Interlocked.Increment(ref dropped);

    /// <summary>Completes when every row queued before the call has been written (or dropped).</summary>
    protected async Task WaitForQueuedAsync(CancellationToken cancellationToken)
    {
        var target = Interlocked.Read(ref accepted);
        while (true)
        {
            // Take the signal before checking, so a batch finishing in between still wakes us.
            var signal = Volatile.Read(ref batchHandled);
            if (Interlocked.Read(ref handled) >= target)
            {
                return;
            }

            await signal.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Writes one row's columns, in the order of <see cref="CopyCommand"/>, after the row was started.</summary>
    protected abstract Task WriteRowAsync(NpgsqlBinaryImporter importer, T item, CancellationToken cancellationToken);

    /// <summary>Logs a row the database refused even on its own; it has already been counted as dropped.</summary>
    protected abstract void LogRefused(T item, Exception exception);

    /// <summary>Writes one row, when the database refused the batch it came in; by default a COPY of that row alone.</summary>
    protected virtual Task InsertOneAsync(T item, CancellationToken cancellationToken) => CopyAsync([item], cancellationToken);

    /// <summary>Writes <paramref name="value"/>, or NULL.</summary>
    protected static async Task WriteNullableAsync(NpgsqlBinaryImporter importer, Guid? value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(importer);
        if (value is { } id)
        {
            await importer.WriteAsync(id, NpgsqlDbType.Uuid, cancellationToken);
        }
        else
        {
            await importer.WriteNullAsync(cancellationToken);
        }
    }

    // Not stoppingToken: on stop the loop drains the queue (StopAsync completes it) and ends by itself.
    private async Task WriteLoopAsync()
    {
        var abort = abortWrites.Token;
        var reader = queue.Reader;
        var batch = new List<T>(maxBatchSize);
        try
        {
            while (await reader.WaitToReadAsync(abort))
            {
                await FillBatchAsync(reader, batch, abort);
                await WriteAsync(batch, abort);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            var lost = batch.Count + reader.Count;
            if (lost > 0)
            {
                Interlocked.Add(ref dropped, lost);
                logger.LogError("{Log}: {Count} {Items} were not written before shutdown timed out", logName, lost, itemsName);
            }
        }
    }

    private async Task FillBatchAsync(ChannelReader<T> reader, List<T> batch, CancellationToken abort)
    {
        using var window = new CancellationTokenSource(flushInterval, Time);
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(window.Token, abort);
        while (batch.Count < maxBatchSize)
        {
            if (reader.TryRead(out var next))
            {
                batch.Add(next);
                continue;
            }

            try
            {
                if (!await reader.WaitToReadAsync(waiting.Token))
                {
                    return;
                }
            }
            catch (OperationCanceledException) when (window.IsCancellationRequested && !abort.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task WriteAsync(List<T> batch, CancellationToken abort)
    {
        try
        {
            while (true)
            {
                try
                {
                    await CopyAsync(batch, abort);
                    return;
                }
                catch (NpgsqlException ex) when (ex.IsTransient)
                {
                    // The database is away: keep the batch and try again; the queue absorbs what arrives meanwhile.
                    logger.LogError(ex, "{Log}: cannot reach PostgreSQL; retrying {Count} {Items} in {Delay}", logName, batch.Count, itemsName, RetryDelay);
                    await Task.Delay(RetryDelay, Time, abort);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The database refused the batch: write row by row so one bad row costs only itself.
                    logger.LogError(ex, "{Log}: a batch of {Count} {Items} was refused; writing them one by one", logName, batch.Count, itemsName);
                    await WriteOneByOneAsync(batch, abort);
                    return;
                }
            }
        }
        finally
        {
            if (!abort.IsCancellationRequested)
            {
                Interlocked.Add(ref handled, batch.Count);
                Interlocked.Exchange(ref batchHandled, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
            }
        }
    }

    private async Task WriteOneByOneAsync(List<T> batch, CancellationToken abort)
    {
        foreach (var item in batch)
        {
            try
            {
                await InsertOneAsync(item, abort);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Interlocked.Increment(ref dropped);
                LogRefused(item, ex);
            }
        }
    }

    private async Task CopyAsync(IReadOnlyList<T> batch, CancellationToken abort)
    {
        await using var connection = await DataSource.OpenConnectionAsync(abort);
        await using var importer = await connection.BeginBinaryImportAsync(CopyCommand, abort);
        foreach (var item in batch)
        {
            await importer.StartRowAsync(abort);
            await WriteRowAsync(importer, item, abort);
        }

        await importer.CompleteAsync(abort);
    }
}
