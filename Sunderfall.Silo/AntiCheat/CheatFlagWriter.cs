using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Sunderfall.Grains.AntiCheat;
using Sunderfall.Silo.Hosting;

namespace Sunderfall.Silo.AntiCheat;

/// <summary>
/// The silo's <see cref="ICheatFlagSink"/>: zones hand flags to <see cref="Report"/>, which only queues them, and a
/// background loop writes them to PostgreSQL's cheat_flags in batches (up to 200 rows, or whatever arrived within
/// 200 ms) with one binary COPY each, as the application role (Storage:ConnectionString). What is queued is written
/// before the host stops. Flags come at most one per player, kind and minute, so a full queue means the database has
/// been away for long: a flag that finds no room is dropped, counted and logged, and the zone tick never waits.
/// </summary>
public sealed class CheatFlagWriter : BackgroundService, ICheatFlagSink
{
    /// <summary>Flags queued at most.</summary>
    public const int Capacity = 10_000;

    /// <summary>Most rows in one write.</summary>
    public const int MaxBatchSize = 200;

    /// <summary>Longest a flag waits in the queue for its batch to fill.</summary>
    public static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(200);

    private const int MaxTextLength = 256;
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    private readonly NpgsqlDataSource dataSource;
    private readonly TimeProvider time;
    private readonly ILogger<CheatFlagWriter> logger;
    private readonly Channel<CheatFlag> queue = Channel.CreateBounded<CheatFlag>(new BoundedChannelOptions(Capacity)
    {
        FullMode = BoundedChannelFullMode.Wait,
        SingleReader = true,
    });

    private readonly CancellationTokenSource abortWrites = new();
    private long dropped;
    private Task? writing;

    /// <summary>Creates the writer on its own data source for the runtime connection string; it writes only while running as a hosted service.</summary>
    public CheatFlagWriter(IOptions<StorageOptions> storage, TimeProvider time, ILogger<CheatFlagWriter> logger)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        dataSource = NpgsqlDataSource.Create(storage.Value.ConnectionString);
        this.time = time;
        this.logger = logger;
    }

    /// <summary>Flags lost: the queue was full, the writer had stopped, or the database refused them.</summary>
    public long DroppedCount => Interlocked.Read(ref dropped);

    /// <inheritdoc/>
    public void Report(CheatFlag flag)
    {
        ArgumentNullException.ThrowIfNull(flag);
        if (!queue.Writer.TryWrite(flag))
        {
            var total = Interlocked.Increment(ref dropped);
            logger.LogError("cheat flags: DROPPED {Kind} for player {Player} at {At:O}: the queue is full or the writer has stopped ({Total} dropped so far)",
                flag.Kind, flag.PlayerId, flag.At, total);
        }
    }

    /// <summary>Starts the writing loop.</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Our own task rather than BackgroundService's, which is skipped when the host stops before it was scheduled.
        writing ??= Task.Run(WriteLoopAsync, CancellationToken.None);
        return base.StartAsync(cancellationToken);
    }

    /// <summary>Stops taking flags and writes what is queued, until <paramref name="cancellationToken"/> (the host's shutdown timeout).</summary>
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
        dataSource.Dispose();
        base.Dispose();
    }

    /// <inheritdoc/>
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => writing ?? Task.CompletedTask;

    // Not stoppingToken: on stop the loop drains the queue (StopAsync completes it) and ends by itself.
    private async Task WriteLoopAsync()
    {
        var abort = abortWrites.Token;
        var reader = queue.Reader;
        var batch = new List<CheatFlag>(MaxBatchSize);
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
                logger.LogError("cheat flags: {Count} flags were not written before shutdown timed out", lost);
            }
        }
    }

    private async Task FillBatchAsync(ChannelReader<CheatFlag> reader, List<CheatFlag> batch, CancellationToken abort)
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

    private async Task WriteAsync(List<CheatFlag> batch, CancellationToken abort)
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
                logger.LogError(ex, "cheat flags: cannot reach PostgreSQL; retrying {Count} flags in {Delay}", batch.Count, RetryDelay);
                await Task.Delay(RetryDelay, time, abort);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database refused the batch: write row by row so one bad flag costs only itself.
                logger.LogError(ex, "cheat flags: a batch of {Count} flags was refused; writing them one by one", batch.Count);
                await WriteOneByOneAsync(batch, abort);
                return;
            }
        }
    }

    private async Task WriteOneByOneAsync(List<CheatFlag> batch, CancellationToken abort)
    {
        foreach (var flag in batch)
        {
            try
            {
                await CopyAsync([flag], abort);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Interlocked.Increment(ref dropped);
                logger.LogError(ex, "cheat flags: DROPPED {Kind} for player {Player} at {At:O}: the database refused it", flag.Kind, flag.PlayerId, flag.At);
            }
        }
    }

    private async Task CopyAsync(List<CheatFlag> batch, CancellationToken abort)
    {
        await using var connection = await dataSource.OpenConnectionAsync(abort);
        await using var importer = await connection.BeginBinaryImportAsync(
            "COPY cheat_flags (at, account_id, player_id, kind, severity, count, details) FROM STDIN (FORMAT BINARY)", abort);
        foreach (var flag in batch)
        {
            await importer.StartRowAsync(abort);
            await importer.WriteAsync(flag.At.ToUniversalTime(), NpgsqlDbType.TimestampTz, abort);
            await WriteNullableAsync(importer, flag.AccountId, abort);
            await WriteNullableAsync(importer, flag.PlayerId, abort);
            await importer.WriteAsync(Clean(flag.Kind), NpgsqlDbType.Text, abort);
            await importer.WriteAsync(flag.Severity, NpgsqlDbType.Smallint, abort);
            await importer.WriteAsync(flag.Count, NpgsqlDbType.Integer, abort);
            await importer.WriteAsync(DetailsJson(flag.Details), NpgsqlDbType.Jsonb, abort);
        }

        await importer.CompleteAsync(abort);
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

    // PostgreSQL text cannot hold NUL, and jsonb refuses \u0000; long values are cut so one flag cannot bloat the table.
    private static string Clean(string text)
    {
        var cleaned = text.Replace('\0', '\uFFFD');
        return cleaned.Length <= MaxTextLength ? cleaned : cleaned[..MaxTextLength];
    }

    private static string DetailsJson(IReadOnlyDictionary<string, string> details) =>
        JsonSerializer.Serialize(details.ToDictionary(p => Clean(p.Key), p => Clean(p.Value)));
}
