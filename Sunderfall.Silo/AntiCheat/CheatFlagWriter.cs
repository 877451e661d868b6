using System.Text.Json;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Sunderfall.Accounts.Persistence;
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
public sealed class CheatFlagWriter : BatchedTableWriter<CheatFlag>, ICheatFlagSink
{
    /// <summary>Flags queued at most.</summary>
    public const int Capacity = 10_000;

    /// <summary>Most rows in one write.</summary>
    public const int MaxBatchSize = 200;

    /// <summary>Longest a flag waits in the queue for its batch to fill.</summary>
    public static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(200);

    private const int MaxTextLength = 256;

    private readonly ILogger<CheatFlagWriter> logger;
    private readonly CheatFlagMetrics metrics;

    /// <summary>Creates the writer on its own data source for the runtime connection string; it writes only while running as a hosted service.</summary>
    public CheatFlagWriter(IOptions<StorageOptions> storage, TimeProvider time, ILogger<CheatFlagWriter> logger, CheatFlagMetrics metrics)
        : base(CreateDataSource(storage), time, logger, "cheat flags", "flags", Capacity, MaxBatchSize, FlushInterval)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        this.logger = logger;
        this.metrics = metrics;
        metrics.ObserveDropped(() => DroppedCount);
    }

    /// <inheritdoc/>
    protected override string CopyCommand =>
        "COPY cheat_flags (at, account_id, player_id, kind, severity, count, details) FROM STDIN (FORMAT BINARY)";

    /// <inheritdoc/>
    public void Report(CheatFlag flag)
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
        DataSource.Dispose();
        base.Dispose();
    }

    /// <inheritdoc/>
    protected override async Task WriteRowAsync(NpgsqlBinaryImporter importer, CheatFlag flag, CancellationToken cancellationToken)
    {
        await importer.WriteAsync(flag.At.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
        await WriteNullableAsync(importer, flag.AccountId, cancellationToken);
        await WriteNullableAsync(importer, flag.PlayerId, cancellationToken);
        await importer.WriteAsync(Clean(flag.Kind), NpgsqlDbType.Text, cancellationToken);
        await importer.WriteAsync(flag.Severity, NpgsqlDbType.Smallint, cancellationToken);
        await importer.WriteAsync(flag.Count, NpgsqlDbType.Integer, cancellationToken);
        await importer.WriteAsync(DetailsJson(flag.Details), NpgsqlDbType.Jsonb, cancellationToken);
    }

    /// <inheritdoc/>
    protected override void LogRefused(CheatFlag flag, Exception exception) =>
        logger.LogError(exception, "cheat flags: DROPPED {Kind} for player {Player} at {At:O}: the database refused it", flag.Kind, flag.PlayerId, flag.At);

    private static NpgsqlDataSource CreateDataSource(IOptions<StorageOptions> storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        return NpgsqlDataSource.Create(storage.Value.ConnectionString);
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
