using System.Text.Json;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using Sunderfall.Stores.Persistence;

namespace Sunderfall.Accounts.Audit;

/// <summary>
/// The append-only audit trail in PostgreSQL's audit_log. <see cref="Append"/> queues without blocking; a background
/// loop writes batches (up to 500 rows, or whatever arrived within 200 ms) with one binary COPY each, and writes what
/// is queued before the host stops. Events are never dropped to make room: when the queue is full an event waits up to
/// a second off the caller's thread, and only then is it counted in <see cref="BatchedTableWriter{T}.DroppedCount"/> and logged as an error.
/// </summary>
public sealed class AuditLog : BatchedTableWriter<AuditEvent>
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

    private readonly ILogger<AuditLog> logger;

    /// <summary>Creates the log; it writes only while running as a hosted service.</summary>
    public AuditLog(NpgsqlDataSource dataSource, TimeProvider time, ILogger<AuditLog> logger, int capacity = DefaultCapacity)
        : base(dataSource, time, logger, "audit log", "events", capacity, MaxBatchSize, FlushInterval)
    {
        this.logger = logger;
    }

    /// <summary>Queues an event without blocking the caller; stamps <see cref="AuditEvent.At"/> with the current time if unset.</summary>
    public void Append(AuditEvent auditEvent)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        ArgumentException.ThrowIfNullOrWhiteSpace(auditEvent.Action);
        var stamped = auditEvent.At is null ? auditEvent with { At = Time.GetUtcNow() } : auditEvent;
        if (!TryEnqueue(stamped))
        {
            _ = WaitForRoomAsync(stamped);
        }
    }

    /// <summary>
    /// Writes one event at once inside the transaction open on <paramref name="connection"/>: it commits with the
    /// change it records or not at all, so a crash cannot keep a privileged change and lose its row (role changes and
    /// bans use this; the batched <see cref="Append"/> is for the high-volume events).
    /// </summary>
    public async Task AppendInTransactionAsync(NpgsqlConnection connection, AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(auditEvent);
        ArgumentException.ThrowIfNullOrWhiteSpace(auditEvent.Action);
        await using var command = new NpgsqlCommand("""
            INSERT INTO audit_log (at, actor_id, actor_name, action, target, ip, details)
            VALUES (@at, @actor, @actor_name, @action, @target, @ip, @details)
            """, connection);
        command.Parameters.AddWithValue("at", (auditEvent.At ?? Time.GetUtcNow()).ToUniversalTime());
        command.Parameters.Add(new NpgsqlParameter<Guid?>("actor", NpgsqlDbType.Uuid) { TypedValue = auditEvent.ActorId });
        command.Parameters.Add(Text("actor_name", Clean(auditEvent.ActorName, MaxTextLength), NpgsqlDbType.Text));
        command.Parameters.Add(Text("action", Clean(auditEvent.Action, MaxTextLength), NpgsqlDbType.Text));
        command.Parameters.Add(Text("target", Clean(auditEvent.Target, MaxTextLength), NpgsqlDbType.Text));
        command.Parameters.Add(Text("ip", Clean(auditEvent.Ip, MaxTextLength), NpgsqlDbType.Text));
        command.Parameters.Add(Text("details", DetailsJson(auditEvent.Details), NpgsqlDbType.Jsonb));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlParameter Text(string name, string? value, NpgsqlDbType type) =>
        new(name, type) { Value = (object?)value ?? DBNull.Value };

    /// <summary>Completes when every event appended before the call has been written (or dropped).</summary>
    public Task FlushAsync(CancellationToken cancellationToken = default) => WaitForQueuedAsync(cancellationToken);

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

        await using var command = DataSource.CreateCommand("""
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

    /// <inheritdoc/>
    protected override string CopyCommand =>
        "COPY audit_log (at, actor_id, actor_name, action, target, ip, details) FROM STDIN (FORMAT BINARY)";

    /// <inheritdoc/>
    protected override async Task WriteRowAsync(NpgsqlBinaryImporter importer, AuditEvent e, CancellationToken cancellationToken)
    {
        await importer.WriteAsync(e.At!.Value.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
        await WriteNullableAsync(importer, e.ActorId, cancellationToken);
        await WriteNullableAsync(importer, Clean(e.ActorName, MaxTextLength), NpgsqlDbType.Text, cancellationToken);
        await importer.WriteAsync(Clean(e.Action, MaxTextLength)!, NpgsqlDbType.Text, cancellationToken);
        await WriteNullableAsync(importer, Clean(e.Target, MaxTextLength), NpgsqlDbType.Text, cancellationToken);
        await WriteNullableAsync(importer, Clean(e.Ip, MaxTextLength), NpgsqlDbType.Text, cancellationToken);
        await WriteNullableAsync(importer, DetailsJson(e.Details), NpgsqlDbType.Jsonb, cancellationToken);
    }

    /// <inheritdoc/>
    protected override void LogRefused(AuditEvent e, Exception exception) =>
        logger.LogError(exception, "audit log: DROPPED event {Action} by {Actor} at {At:O}: the database refused it", e.Action, e.ActorId, e.At);

    private async Task WaitForRoomAsync(AuditEvent auditEvent)
    {
        if (await EnqueueAsync(auditEvent, FullQueueWait))
        {
            return;
        }

        var total = CountDropped();
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
