using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using Sunderfall.Stores.Persistence;

namespace Sunderfall.Stores.CheatFlags;

/// <summary>
/// Where silos (zones) and frontends (the hub) raise cheat flags: <see cref="Report"/> only queues a flag, and a
/// background loop writes them to cheat_flags in batches (up to 200 rows, or whatever arrived within 200 ms) with one
/// binary COPY each. What is queued is written before the host stops. Flags come at most one per player, kind and
/// minute, so a full queue means the database has been away for long: a flag that finds no room is dropped, counted
/// and logged, and the caller never waits.
/// </summary>
public sealed class CheatFlagWriter : BatchedTableWriter<CheatFlagReport>
{
    /// <summary>Flags queued at most.</summary>
    public const int Capacity = 10_000;

    /// <summary>Most rows in one write.</summary>
    public const int MaxBatchSize = 200;

    /// <summary>Longest a flag waits in the queue for its batch to fill.</summary>
    public static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(200);

    private readonly ILogger<CheatFlagWriter> logger;
    private readonly bool ownsDataSource;
    private readonly CheatFlagMetrics metrics;

    /// <summary>Creates the writer; it writes only while running as a hosted service.</summary>
    /// <param name="dataSource">Where the flags go (the application role's connection).</param>
    /// <param name="time">The clock for the flush interval.</param>
    /// <param name="logger">Where dropped flags are logged.</param>
    /// <param name="metrics">Counts the flags reported and dropped.</param>
    /// <param name="ownsDataSource">True when the writer disposes <paramref name="dataSource"/> with itself.</param>
    public CheatFlagWriter(NpgsqlDataSource dataSource, TimeProvider time, ILogger<CheatFlagWriter> logger, CheatFlagMetrics metrics, bool ownsDataSource = false)
        : base(dataSource, time, logger, "cheat flags", "flags", Capacity, MaxBatchSize, FlushInterval)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        this.logger = logger;
        this.ownsDataSource = ownsDataSource;
        this.metrics = metrics;
        metrics.ObserveDropped(() => DroppedCount);
    }

    /// <inheritdoc/>
    protected override string CopyCommand =>
        "COPY cheat_flags (at, account_id, player_id, kind, severity, count, details) FROM STDIN (FORMAT BINARY)";

    /// <summary>Queues the flag; never waits. A flag that finds no room is dropped, counted and logged.</summary>
    public void Report(CheatFlagReport flag)
    {
        ArgumentNullException.ThrowIfNull(flag);
        metrics.Reported(flag.Kind);
        if (!TryEnqueue(flag))
        {
            var total = CountDropped();
            logger.LogError("cheat flags: DROPPED {Kind} for player {Player} at {At:O}: the queue is full or the writer has stopped ({Total} dropped so far)",
                flag.Kind, flag.PlayerId, flag.At, total);
        }
    }

    /// <inheritdoc/>
    public override void Dispose()
    {
        if (ownsDataSource)
        {
            DataSource.Dispose();
        }

        base.Dispose();
    }

    /// <inheritdoc/>
    protected override async Task WriteRowAsync(NpgsqlBinaryImporter importer, CheatFlagReport flag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(importer);
        ArgumentNullException.ThrowIfNull(flag);
        await importer.WriteAsync(flag.At.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
        await WriteNullableAsync(importer, flag.AccountId, cancellationToken);
        await WriteNullableAsync(importer, flag.PlayerId, cancellationToken);
        await importer.WriteAsync(CheatFlagStore.Clean(flag.Kind), NpgsqlDbType.Text, cancellationToken);
        await importer.WriteAsync(flag.Severity, NpgsqlDbType.Smallint, cancellationToken);
        await importer.WriteAsync(flag.Count, NpgsqlDbType.Integer, cancellationToken);
        await importer.WriteAsync(CheatFlagStore.DetailsJson(flag.Details), NpgsqlDbType.Jsonb, cancellationToken);
    }

    /// <inheritdoc/>
    protected override void LogRefused(CheatFlagReport flag, Exception exception) =>
        logger.LogError(exception, "cheat flags: DROPPED {Kind} for player {Player} at {At:O}: the database refused it", flag?.Kind, flag?.PlayerId, flag?.At);
}
