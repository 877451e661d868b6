using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Sunderfall.Accounts.Audit;

/// <summary>
/// The append-only audit trail in PostgreSQL's audit_log. <see cref="Append"/> queues without blocking; a background
/// loop writes batches (up to 500 rows, or whatever arrived within 200 ms) with one binary COPY each, and writes what
/// is queued before the host stops. Events are never dropped to make room: when the queue is full an event waits up to
/// a second off the caller's thread, and only then is it counted in <see cref="DroppedCount"/> and logged as an error.
/// </summary>
public sealed class AuditLog : BackgroundService
{
    /// <summary>Events queued at most before appends start to wait.</summary>
    public const int DefaultCapacity = 100_000;

    /// <summary>Most rows in one write.</summary>
    public const int MaxBatchSize = 500;

    /// <summary>Longest an event waits in the queue for its batch to fill.</summary>
    public static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>Longest an event waits for room in a full queue before it is dropped.</summary>
    public static readonly TimeSpan FullQueueWait = TimeSpan.FromSeconds(1);

    private const int MaxTextLength = 256;
    private const int MaxDetailLength = 1024;
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    private readonly NpgsqlDataSource dataSource;
    private readonly TimeProvider time;
    private readonly ILogger<AuditLog> logger;
    private readonly Channel<AuditEvent> queue;
    private readonly CancellationTokenSource abortWrites = new();
    private TaskCompletionSource batchHandled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long accepted;
    private long handled;
    private long dropped;
    private Task? writing;

    /// <summary>Creates the log; it writes only while running as a hosted service.</summary>
    public AuditLog(NpgsqlDataSource dataSource, TimeProvider time, ILogger<AuditLog> logger, int capacity = DefaultCapacity)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        this.dataSource = dataSource;
        this.time = time;
        this.logger = logger;
        queue = Channel.CreateBounded<AuditEvent>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
    }

    /// <summary>Events lost because the queue stayed full, the log had stopped, or the database refused them.</summary>
    public long DroppedCount => Interlocked.Read(ref dropped);

    /// <summary>Queues an event without blocking the caller; stamps <see cref="AuditEvent.At"/> with the current time if unset.</summary>
    public void Append(AuditEvent auditEvent)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        ArgumentException.ThrowIfNullOrWhiteSpace(auditEvent.Action);
        var stamped = auditEvent.At is null ? auditEvent with { At = time.GetUtcNow() } : auditEvent;
        if (queue.Writer.TryWrite(stamped))
        {
            Interlocked.Increment(ref accepted);
            return;
        }

        _ = WaitForRoomAsync(stamped);
    }

    /// <summary>Completes when every event appended before the call has been written (or dropped).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
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

    /// <summary>Rows for moderators, newest first: one actor's or everyone's, from <paramref name="from"/> up to <paramref name="to"/>.</summary>
    public async Task<IReadOnlyList<AuditEntry>> QueryAsync(
        Guid? actorId, DateTimeOffset from, DateTimeOffset to, int limit, CancellationToken cancellationToken = default)
    {
        if (to < from)
        {
            throw new ArgumentException($"the range must not end ({to:O}) before it starts ({from:O})", nameof(to));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 1000);

        await using var command = dataSource.CreateCommand("""
            SELECT id, at, actor_id, actor_name, action, target, ip, details::text
            FROM audit_log
            WHERE at >= @from AND at <= @to AND (@actor::uuid IS NULL OR actor_id = @actor)
            ORDER BY at DESC, id DESC
            LIMIT @limit
            """);
        command.Parameters.AddWithValue("from", from.ToUniversalTime());
        command.Parameters.AddWithValue("to", to.ToUniversalTime());
        command.Parameters.Add(new NpgsqlParameter<Guid?>("actor", NpgsqlDbType.Uuid) { TypedValue = actorId });
        command.Parameters.AddWithValue("limit", limit);

        var entries = new List<AuditEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new AuditEntry(
                reader.GetInt64(0),
                reader.GetFieldValue<DateTimeOffset>(1),
                reader.IsDBNull(2) ? null : reader.GetGuid(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetString(7)));
        }

        return entries;
    }

    /// <summary>Starts the writing loop.</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Our own task rather than BackgroundService's: that one is skipped altogether when the host stops before it
        // was scheduled, which would lose whatever had been queued by then.
        writing ??= Task.Run(WriteLoopAsync, CancellationToken.None);
        return base.StartAsync(cancellationToken);
    }

    /// <summary>Stops taking events and writes what is queued, until <paramref name="cancellationToken"/> (the host's shutdown timeout).</summary>
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
    }

    /// <inheritdoc/>
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => writing ?? Task.CompletedTask;

    // Not stoppingToken: on stop the loop drains the queue (StopAsync completes it) and ends by itself.
    private async Task WriteLoopAsync()
    {
        var abort = abortWrites.Token;
        var reader = queue.Reader;
        var batch = new List<AuditEvent>(MaxBatchSize);
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
                logger.LogError("audit log: {Count} events were not written before shutdown timed out", lost);
            }
        }
    }

    private async Task FillBatchAsync(ChannelReader<AuditEvent> reader, List<AuditEvent> batch, CancellationToken abort)
    {
        using var window = new CancellationTokenSource(FlushInterval, time);
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(window.Token, abort);
        while (batch.Count < MaxBatchSize)
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

    private async Task WriteAsync(List<AuditEvent> batch, CancellationToken abort)
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
                    logger.LogError(ex, "audit log: cannot reach PostgreSQL; retrying {Count} events in {Delay}", batch.Count, RetryDelay);
                    await Task.Delay(RetryDelay, time, abort);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The database refused the batch: write row by row so one bad event costs only itself.
                    logger.LogError(ex, "audit log: a batch of {Count} events was refused; writing them one by one", batch.Count);
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

    private async Task CopyAsync(List<AuditEvent> batch, CancellationToken abort)
    {
        await using var connection = await dataSource.OpenConnectionAsync(abort);
        await using var importer = await connection.BeginBinaryImportAsync(
            "COPY audit_log (at, actor_id, actor_name, action, target, ip, details) FROM STDIN (FORMAT BINARY)", abort);
        foreach (var e in batch)
        {
            await importer.StartRowAsync(abort);
            await importer.WriteAsync(e.At!.Value.ToUniversalTime(), NpgsqlDbType.TimestampTz, abort);
            await WriteNullableAsync(importer, e.ActorId, abort);
            await WriteNullableAsync(importer, Clean(e.ActorName, MaxTextLength), NpgsqlDbType.Text, abort);
            await importer.WriteAsync(Clean(e.Action, MaxTextLength)!, NpgsqlDbType.Text, abort);
            await WriteNullableAsync(importer, Clean(e.Target, MaxTextLength), NpgsqlDbType.Text, abort);
            await WriteNullableAsync(importer, Clean(e.Ip, MaxTextLength), NpgsqlDbType.Text, abort);
            await WriteNullableAsync(importer, DetailsJson(e.Details), NpgsqlDbType.Jsonb, abort);
        }

        await importer.CompleteAsync(abort);
    }

    private async Task WriteOneByOneAsync(List<AuditEvent> batch, CancellationToken abort)
    {
        foreach (var e in batch)
        {
            try
            {
                await CopyAsync([e], abort);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Interlocked.Increment(ref dropped);
                logger.LogError(ex, "audit log: DROPPED event {Action} by {Actor} at {At:O}: the database refused it", e.Action, e.ActorId, e.At);
            }
        }
    }

    private async Task WaitForRoomAsync(AuditEvent auditEvent)
    {
        try
        {
            using var timeout = new CancellationTokenSource(FullQueueWait, time);
            await queue.Writer.WriteAsync(auditEvent, timeout.Token);
            Interlocked.Increment(ref accepted);
            return;
        }
        catch (OperationCanceledException)
        {
        }
        catch (ChannelClosedException)
        {
        }

        var total = Interlocked.Increment(ref dropped);
        logger.LogError(
            "audit log: DROPPED event {Action} by {Actor} at {At:O}: the queue stayed full for {Wait} or the log has stopped ({Total} dropped so far)",
            auditEvent.Action, auditEvent.ActorId, auditEvent.At, FullQueueWait, total);
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter importer, string? value, NpgsqlDbType type, CancellationToken abort)
    {
        if (value is null)
        {
            await importer.WriteNullAsync(abort);
        }
        else
        {
            await importer.WriteAsync(value, type, abort);
        }
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter importer, Guid? value, CancellationToken abort)
    {
        if (value is { } id)
        {
            await importer.WriteAsync(id, NpgsqlDbType.Uuid, abort);
        }
        else
        {
            await importer.WriteNullAsync(abort);
        }
    }

    // PostgreSQL text cannot hold NUL, and jsonb refuses \u0000; long values are cut so one event cannot bloat the log.
    private static string? Clean(string? text, int maxLength)
    {
        if (text is null)
        {
            return null;
        }

        var cleaned = text.Replace('\0', '\uFFFD');
        return cleaned.Length <= maxLength ? cleaned : cleaned[..maxLength];
    }

    private static string? DetailsJson(IReadOnlyDictionary<string, string>? details) =>
        details is null or { Count: 0 }
            ? null
            : JsonSerializer.Serialize(details.ToDictionary(p => Clean(p.Key, MaxTextLength)!, p => Clean(p.Value, MaxDetailLength)));
}
