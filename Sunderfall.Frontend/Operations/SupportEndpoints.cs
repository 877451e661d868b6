using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Sunderfall.Accounts.Accounts;
using Sunderfall.Accounts.Audit;
using Sunderfall.Frontend.Edge;
using Sunderfall.Frontend.SignIn;
using Sunderfall.Grains.Interfaces.Combat;
using Sunderfall.ServiceDefaults.Clustering;

namespace Sunderfall.Frontend.Operations;

/// <summary>
/// Support queries (docs/support.md): for moderators, a player's transaction log over a time range and one encounter
/// with its grants and their delivery; for admins, the replay of an encounter from its seed and an on-demand run of
/// the resource reconciliation (it reads every character; the silos also run it on a timer). Every call is audited.
/// </summary>
internal static class SupportEndpoints
{
    /// <summary>Audit action of a moderator reading a player's transactions; the target is the player.</summary>
    public const string TransactionsViewedAction = "admin.transactions_viewed";

    /// <summary>Audit action of a moderator reading an encounter; the target is the encounter.</summary>
    public const string EncounterViewedAction = "admin.encounter_viewed";

    /// <summary>Audit action of an admin replaying an encounter; the target is the encounter, details hold the outcome.</summary>
    public const string EncounterReplayedAction = "admin.encounter_replayed";

    /// <summary>Audit action of a moderator running the reconciliation; details hold the counts found.</summary>
    public const string ReconcileRunAction = "admin.reconcile_run";

    private const int DefaultLimit = 200;
    private const int MaxLimit = 1000;
    private const int MaxKindLength = 64;

    // The reconciliation reads every character and grant: allow more than the default 30 s.
    private const int ReconcileTimeoutSeconds = 600;

    /// <summary>A row of transaction_log.</summary>
    /// <param name="Id">Increasing row id.</param>
    /// <param name="At">When it happened.</param>
    /// <param name="Kind">What happened, e.g. reward.granted (Sunderfall.Grains/Transactions/TransactionKinds.cs).</param>
    /// <param name="ActorId">The character that acted.</param>
    /// <param name="TargetId">The character acted upon, if any.</param>
    /// <param name="EncounterId">The combat encounter, if any.</param>
    /// <param name="ZoneId">The zone instance, if any.</param>
    /// <param name="Details">The particulars as a JSON object.</param>
    internal sealed record TransactionRow(
        long Id, DateTimeOffset At, string Kind, Guid ActorId, Guid? TargetId, Guid? EncounterId, string? ZoneId, JsonElement? Details);

    /// <summary>A committed encounter and what it granted.</summary>
    internal sealed record EncounterReport(
        Guid EncounterId, string ZoneId, DateTimeOffset EndedAt, DateTimeOffset CommittedAt, JsonElement Record, IReadOnlyList<GrantRow> Grants);

    /// <summary>One player's grant from an encounter; <paramref name="DeliveredAt"/> is null while it is still owed.</summary>
    internal sealed record GrantRow(
        Guid PlayerId, long Experience, long Gold, JsonElement Items, DateTimeOffset EarnedAt, DateTimeOffset CommittedAt, DateTimeOffset? DeliveredAt, bool Delivered);

    /// <summary>
    /// The result of GET /api/admin/encounters/{id}/replay: whether replaying the committed record from its seed rolled
    /// every amount and reward it holds, and if not the first difference.
    /// </summary>
    internal sealed record ReplayReport(Guid EncounterId, bool Identical, string? FirstDifference);

    /// <summary>The result of POST /api/admin/reconcile.</summary>
    internal sealed record ReconcileReport(DateTimeOffset CheckedAt, int NewFlags, IReadOnlyList<DiscrepancyRow> Discrepancies);

    /// <summary>A character holding more of <paramref name="Resource"/> ("gold" or "item:&lt;id&gt;") than it was ever granted.</summary>
    internal sealed record DiscrepancyRow(
        Guid PlayerId, Guid? AccountId, string Resource, string Held, string Granted, long FlagId, bool NewFlag);

    public static IEndpointRouteBuilder MapSupportEndpoints(this IEndpointRouteBuilder app)
    {
        var moderation = app.MapGroup(ModerationEndpoints.Prefix).RequireAuthorization(AccountPolicies.Moderator);
        var admin = app.MapGroup(AdminEndpoints.Prefix).RequireAuthorization(AccountPolicies.Admin);
        moderation.MapGet("/transactions", async (string? player, string? from, string? to, string? kind, string? limit,
            NpgsqlDataSource database, AuditLog audit, ClaimsPrincipal user, HttpContext http, CancellationToken cancellationToken) =>
        {
            if (player is null || !Guid.TryParse(player, CultureInfo.InvariantCulture, out var playerId))
            {
                return AuthEndpoints.Error(AuthErrorCode.InvalidArgument, "player is required: a character id (a GUID)");
            }

            if (!TryParseTime(from, "from", DateTimeOffset.UnixEpoch, out var start, out var error)
                || !TryParseTime(to, "to", DateTimeOffset.UtcNow.AddMinutes(1), out var end, out error))
            {
                return AuthEndpoints.Error(AuthErrorCode.InvalidArgument, error);
            }

            if (end < start)
            {
                return AuthEndpoints.Error(AuthErrorCode.InvalidArgument, "to must not be before from");
            }

            if (kind is not null && (kind.Length is 0 or > MaxKindLength || !kind.All(c => c is (>= 'a' and <= 'z') or '.' or '_')))
            {
                return AuthEndpoints.Error(AuthErrorCode.InvalidArgument, $"kind must be 1-{MaxKindLength} characters of a-z, '.' and '_', e.g. reward.granted");
            }

            var count = DefaultLimit;
            if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > MaxLimit))
            {
                return AuthEndpoints.Error(AuthErrorCode.InvalidArgument, $"limit must be a whole number 1..{MaxLimit} (default {DefaultLimit})");
            }

            audit.Append(new AuditEvent(TransactionsViewedAction, AuthEndpoints.AccountIdOf(user), user.Identity?.Name, player, ClientAddress.Of(http)));
            return Results.Json(await QueryTransactionsAsync(database, playerId, start, end, kind, count, cancellationToken));
        });
        moderation.MapGet("/encounters/{id}", async (string id,
            NpgsqlDataSource database, AuditLog audit, ClaimsPrincipal user, HttpContext http, CancellationToken cancellationToken) =>
        {
            if (!Guid.TryParse(id, CultureInfo.InvariantCulture, out var encounterId))
            {
                return AuthEndpoints.Error(AuthErrorCode.InvalidArgument, "id must be an encounter id (a GUID)");
            }

            audit.Append(new AuditEvent(EncounterViewedAction, AuthEndpoints.AccountIdOf(user), user.Identity?.Name, id, ClientAddress.Of(http)));
            var report = await FindEncounterAsync(database, encounterId, cancellationToken);
            return report is null
                ? AuthEndpoints.Error(AuthErrorCode.NotFound, $"no encounter {encounterId} was committed")
                : Results.Json(report);
        });
        admin.MapGet("/encounters/{id}/replay", async (string id, IClusterClient cluster, AuditLog audit, ClaimsPrincipal user, HttpContext http) =>
        {
            if (!Guid.TryParse(id, CultureInfo.InvariantCulture, out var encounterId))
            {
                return AuthEndpoints.Error(AuthErrorCode.InvalidArgument, "id must be an encounter id (a GUID)");
            }

            // Replayed by the encounter's grain, on a silo: the rolls need the content the silos run.
            var replay = await cluster.GetGrain<ICombatEncounterGrain>(encounterId).ReplayAsync();
            audit.Append(new AuditEvent(EncounterReplayedAction, AuthEndpoints.AccountIdOf(user), user.Identity?.Name, id, ClientAddress.Of(http),
                new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["outcome"] = !replay.Found ? "not_found" : replay.Identical ? "identical" : "different",
                }));
            return replay.Found
                ? Results.Json(new ReplayReport(encounterId, replay.Identical, replay.FirstDifference))
                : AuthEndpoints.Error(AuthErrorCode.NotFound, $"no encounter {encounterId} was committed");
        });
        admin.MapPost("/reconcile", async (NpgsqlDataSource database, IOptions<ClusteringOptions> cluster, AuditLog audit, TimeProvider clock,
            ClaimsPrincipal user, HttpContext http, CancellationToken cancellationToken) =>
        {
            var checkedAt = clock.GetUtcNow();
            var found = await ReconcileAsync(database, cluster.Value.ServiceId, cancellationToken);
            var report = new ReconcileReport(checkedAt, found.Count(d => d.NewFlag), found);
            audit.Append(new AuditEvent(ReconcileRunAction, AuthEndpoints.AccountIdOf(user), user.Identity?.Name, cluster.Value.ServiceId, ClientAddress.Of(http),
                new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["discrepancies"] = found.Count.ToString(CultureInfo.InvariantCulture),
                    ["new_flags"] = report.NewFlags.ToString(CultureInfo.InvariantCulture),
                }));
            return Results.Json(report);
        });
        return app;
    }

    private static bool TryParseTime(string? text, string name, DateTimeOffset fallback, out DateTimeOffset value, out string error)
    {
        error = "";
        if (text is null)
        {
            value = fallback;
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value))
        {
            return true;
        }

        error = $"{name} must be an ISO 8601 time, e.g. 2025-06-01T18:30:00Z";
        return false;
    }

    private static async Task<List<TransactionRow>> QueryTransactionsAsync(
        NpgsqlDataSource database, Guid playerId, DateTimeOffset from, DateTimeOffset to, string? kind, int limit, CancellationToken cancellationToken)
    {
        // Two index range scans (as actor, as target), each cut to the limit, merged newest first.
        await using var command = database.CreateCommand("""
            SELECT id, at, kind, actor_id, target_id, encounter_id, zone_id, details::text
            FROM (
                (SELECT * FROM transaction_log
                 WHERE actor_id = @player AND at >= @from AND at <= @to AND (@kind::text IS NULL OR kind = @kind)
                 ORDER BY at DESC, id DESC LIMIT @limit)
                UNION ALL
                (SELECT * FROM transaction_log
                 WHERE target_id = @player AND actor_id <> @player AND at >= @from AND at <= @to AND (@kind::text IS NULL OR kind = @kind)
                 ORDER BY at DESC, id DESC LIMIT @limit)
            ) AS entries
            ORDER BY at DESC, id DESC
            LIMIT @limit
            """);
        command.Parameters.AddWithValue("player", playerId);
        command.Parameters.AddWithValue("from", from.ToUniversalTime());
        command.Parameters.AddWithValue("to", to.ToUniversalTime());
        command.Parameters.Add(new NpgsqlParameter<string?>("kind", NpgsqlDbType.Text) { TypedValue = kind });
        command.Parameters.AddWithValue("limit", limit);
        var rows = new List<TransactionRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new TransactionRow(
                reader.GetInt64(0),
                reader.GetFieldValue<DateTimeOffset>(1),
                reader.GetString(2),
                reader.GetGuid(3),
                reader.IsDBNull(4) ? null : reader.GetGuid(4),
                reader.IsDBNull(5) ? null : reader.GetGuid(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.IsDBNull(7) ? null : Parse(reader.GetString(7))));
        }

        return rows;
    }

    private static async Task<EncounterReport?> FindEncounterAsync(NpgsqlDataSource database, Guid encounterId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        // One snapshot for the encounter and its grants.
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        await using var encounter = new NpgsqlCommand(
            "SELECT zone_id, ended_at, committed_at, record::text FROM encounters WHERE encounter_id = @encounter", connection, transaction);
        encounter.Parameters.AddWithValue("encounter", encounterId);
        string zoneId;
        DateTimeOffset endedAt, committedAt;
        JsonElement record;
        await using (var reader = await encounter.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            (zoneId, endedAt, committedAt, record) =
                (reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetFieldValue<DateTimeOffset>(2), Parse(reader.GetString(3)));
        }

        await using var grants = new NpgsqlCommand("""
            SELECT player_id, experience, gold, items::text, earned_at, committed_at, delivered_at
            FROM reward_grants WHERE encounter_id = @encounter ORDER BY player_id
            """, connection, transaction);
        grants.Parameters.AddWithValue("encounter", encounterId);
        var rows = new List<GrantRow>();
        await using (var reader = await grants.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                DateTimeOffset? deliveredAt = reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6);
                rows.Add(new GrantRow(
                    reader.GetGuid(0),
                    reader.GetInt64(1),
                    reader.GetInt64(2),
                    Parse(reader.GetString(3)),
                    reader.GetFieldValue<DateTimeOffset>(4),
                    reader.GetFieldValue<DateTimeOffset>(5),
                    deliveredAt,
                    deliveredAt is not null));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return new EncounterReport(encounterId, zoneId, endedAt, committedAt, record, rows);
    }

    // The same database function the silos' reconciliation job runs (migration 0005, reconcile_resources).
    private static async Task<List<DiscrepancyRow>> ReconcileAsync(NpgsqlDataSource database, string serviceId, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("""
            SELECT player_id, account_id, resource, held::text, granted::text, flag_id, new_flag
            FROM reconcile_resources(@service)
            """);
        command.CommandTimeout = ReconcileTimeoutSeconds;
        command.Parameters.AddWithValue("service", serviceId);
        var rows = new List<DiscrepancyRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new DiscrepancyRow(
                reader.GetGuid(0),
                reader.IsDBNull(1) ? null : reader.GetGuid(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.GetInt64(5),
                reader.GetBoolean(6)));
        }

        return rows;
    }

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
