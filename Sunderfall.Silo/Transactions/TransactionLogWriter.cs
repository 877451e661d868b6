using Npgsql;
using NpgsqlTypes;
using Sunderfall.Grains.Transactions;
using Sunderfall.Stores.Persistence;

namespace Sunderfall.Silo.Transactions;

/// <summary>
/// The silo's <see cref="ITransactionLog"/>: grains and zone ticks hand entries to <see cref="Append"/>, which only
/// queues them, and a background loop writes them to PostgreSQL's transaction_log in batches (up to 1,000 rows, or
/// whatever arrived within 200 ms) with one binary COPY each, as the application role. What is queued is written before
/// the host stops. The log is a record for support, not the game's truth, so a caller never waits: an entry that finds
/// the queue full (the database has been away for long) is dropped and counted, and drops are logged as errors.
/// </summary>
public sealed class TransactionLogWriter : BatchedTableWriter<TransactionEntry>, ITransactionLog
{
    /// <summary>Entries queued at most.</summary>
    public const int Capacity = 100_000;

    /// <summary>Most rows in one write.</summary>
    public const int MaxBatchSize = 1_000;

    /// <summary>Longest an entry waits in the queue for its batch to fill.</summary>
    public static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>Longest kind or zone id kept; longer ones are cut.</summary>
    public const int MaxTextLength = 256;

    // While the database is away every entry would be dropped: log the first drop and then one in this many.
    private const int DropLogEvery = 1_000;

    private readonly ILogger<TransactionLogWriter> logger;

    /// <summary>Creates the writer on <paramref name="dataSource"/> (the application role); it writes only while running as a hosted service.</summary>
    public TransactionLogWriter(NpgsqlDataSource dataSource, TimeProvider time, ILogger<TransactionLogWriter> logger)
        : base(dataSource, time, logger, "transaction log", "entries", Capacity, MaxBatchSize, FlushInterval)
    {
        this.logger = logger;
    }

    /// <inheritdoc/>
    protected override string CopyCommand =>
        "COPY transaction_log (at, kind, actor_id, target_id, encounter_id, zone_id, details) FROM STDIN (FORMAT BINARY)";

    /// <inheritdoc/>
    public void Append(TransactionEntry entry)
    {
        if (entry is null)
        {
            // The contract is "never throws": a caller's bug must not stop a zone tick.
            logger.LogError("transaction log: a null entry was appended and ignored");
            return;
        }

        if (!TryEnqueue(entry))
        {
            var total = CountDropped();
            if (total == 1 || total % DropLogEvery == 0)
            {
                logger.LogError("transaction log: DROPPED {Kind} by {Actor} at {At:O}: the queue is full or the writer has stopped ({Total} dropped so far)",
                    entry.Kind, entry.ActorId, entry.At, total);
            }
        }
    }

    /// <summary>Completes when every entry appended before the call has been written (or dropped).</summary>
    public Task FlushAsync(CancellationToken cancellationToken = default) => WaitForQueuedAsync(cancellationToken);

    /// <inheritdoc/>
    protected override async Task WriteRowAsync(NpgsqlBinaryImporter importer, TransactionEntry entry, CancellationToken cancellationToken)
    {
        await importer.WriteAsync(entry.At.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
        await importer.WriteAsync(TransactionJson.Clean(entry.Kind ?? "", MaxTextLength), NpgsqlDbType.Text, cancellationToken);
        await importer.WriteAsync(entry.ActorId, NpgsqlDbType.Uuid, cancellationToken);
        await WriteNullableAsync(importer, entry.TargetId, cancellationToken);
        await WriteNullableAsync(importer, entry.EncounterId, cancellationToken);
        await WriteNullableAsync(importer, entry.ZoneId is null ? null : TransactionJson.Clean(entry.ZoneId, MaxTextLength), NpgsqlDbType.Text, cancellationToken);
        await WriteNullableAsync(importer, TransactionJson.Serialize(entry.Details), NpgsqlDbType.Jsonb, cancellationToken);
    }

    /// <inheritdoc/>
    protected override void LogRefused(TransactionEntry entry, Exception exception) =>
        logger.LogError(exception, "transaction log: DROPPED {Kind} by {Actor} at {At:O}: the database refused it", entry.Kind, entry.ActorId, entry.At);

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter importer, string? value, NpgsqlDbType type, CancellationToken cancellationToken)
    {
        if (value is null)
        {
            await importer.WriteNullAsync(cancellationToken);
        }
        else
        {
            await importer.WriteAsync(value, type, cancellationToken);
        }
    }
}
