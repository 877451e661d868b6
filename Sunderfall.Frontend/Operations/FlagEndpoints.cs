using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Sunderfall.Accounts.Accounts;
using Sunderfall.Accounts.Audit;
using Sunderfall.Frontend.Edge;
using Sunderfall.Frontend.SignIn;
using Sunderfall.Protocol.Auth;

namespace Sunderfall.Frontend.Operations;

/// <summary>
/// /api/moderation/flags: the anti-cheat flags in cheat_flags for moderators, newest first, and marking one reviewed.
/// Zones flag players (the account is unknown there); frontends flag accounts (and the character they play) for what
/// the hub refuses: floods, calls past the rate limits, calls that cannot be bound.
/// </summary>
internal static class FlagEndpoints
{
    /// <summary>Audit action of a moderator listing flags; the target is the player filtered on, if any.</summary>
    public const string FlagsViewedAction = "admin.flags_viewed";

    /// <summary>Audit action of a moderator marking a flag reviewed; details hold the flag's kind and player and the note.</summary>
    public const string FlagReviewedAction = "admin.flag_reviewed";

    private const int DefaultLimit = 200;
    private const int MaxLimit = 1000;
    private const int MaxNoteLength = 500;

    private const string Columns = "id, at, account_id, player_id, kind, severity, count, details::text, reviewed_at, reviewed_by";

    /// <summary>A row of cheat_flags as moderators read it.</summary>
    /// <param name="Id">Increasing row id.</param>
    /// <param name="At">When the threshold was crossed.</param>
    /// <param name="AccountId">The account, when the reporter knew it (hub floods); null for flags raised by zones.</param>
    /// <param name="PlayerId">The character, when there was one.</param>
    /// <param name="Kind">What was seen, e.g. malformed_input, cooldown_bypass, invalid_invocation, hub_rate_limited (docs/operations.md).</param>
    /// <param name="Severity">1 low, 2 medium, 3 high.</param>
    /// <param name="Count">Suspicious events within the rule's window when the flag was raised.</param>
    /// <param name="Details">The rule, the zone or connection, as a JSON object.</param>
    /// <param name="ReviewedAt">When a moderator marked it reviewed, or null.</param>
    /// <param name="ReviewedBy">That moderator's account id.</param>
    internal sealed record CheatFlagEntry(
        long Id,
        DateTimeOffset At,
        Guid? AccountId,
        Guid? PlayerId,
        string Kind,
        short Severity,
        int Count,
        JsonElement? Details,
        DateTimeOffset? ReviewedAt,
        Guid? ReviewedBy);

    /// <summary>Optional body of POST /api/moderation/flags/{id}/review.</summary>
    internal sealed record ReviewRequest(string? Note);

    public static IEndpointRouteBuilder MapFlagEndpoints(this IEndpointRouteBuilder app)
    {
        var flags = app.MapGroup(ModerationEndpoints.Prefix + "/flags").RequireAuthorization(AccountPolicies.Moderator);
        flags.MapGet("", async (string? player, string? kind, DateTimeOffset? from, DateTimeOffset? to, int? limit,
            NpgsqlDataSource database, AuditLog audit, ClaimsPrincipal user, HttpContext http, CancellationToken cancellationToken) =>
        {
            Guid? playerId = null;
            if (player is not null)
            {
                if (!Guid.TryParse(player, CultureInfo.InvariantCulture, out var parsed))
                {
                    return AuthEndpoints.Error(AuthErrorCode.InvalidArgument, "player must be a character id (a GUID)");
                }

                playerId = parsed;
            }

            if (kind is not null && (kind.Length is 0 or > 64 || !kind.All(c => c is (>= 'a' and <= 'z') or '_')))
            {
                return AuthEndpoints.Error(AuthErrorCode.InvalidArgument, "kind must be 1-64 characters of a-z and '_', e.g. malformed_input");
            }

            if (limit is < 1 or > MaxLimit)
            {
                return AuthEndpoints.Error(AuthErrorCode.InvalidArgument, $"limit must be 1..{MaxLimit}");
            }

            var (start, end) = (from ?? DateTimeOffset.UnixEpoch, to ?? DateTimeOffset.UtcNow.AddMinutes(1));
            if (end < start)
            {
                return AuthEndpoints.Error(AuthErrorCode.InvalidArgument, "to must not be before from");
            }

            audit.Append(new AuditEvent(FlagsViewedAction, AuthEndpoints.AccountIdOf(user), user.Identity?.Name, player, ClientAddress.Of(http)));
            return Results.Json(await QueryAsync(database, playerId, kind, start, end, limit ?? DefaultLimit, cancellationToken));
        });
        flags.MapPost("/{id:long}/review", async (long id, ReviewRequest? body,
            NpgsqlDataSource database, AuditLog audit, ClaimsPrincipal user, HttpContext http, CancellationToken cancellationToken) =>
        {
            var note = body?.Note;
            if (note is { Length: > MaxNoteLength })
            {
                return AuthEndpoints.Error(AuthErrorCode.InvalidArgument, $"note must be at most {MaxNoteLength} characters");
            }

            var moderator = AuthEndpoints.AccountIdOf(user);
            var reviewed = await ReviewAsync(database, id, moderator, cancellationToken);
            if (reviewed is null)
            {
                var existing = await FindAsync(database, id, cancellationToken);
                return existing is null
                    ? AuthEndpoints.Error(AuthErrorCode.NotFound, $"no cheat flag has id {id}")
                    : Results.Json(
                        new ApiError { Code = "AlreadyReviewed", Message = $"flag {id} was already reviewed at {existing.ReviewedAt:O} by {existing.ReviewedBy}" },
                        statusCode: StatusCodes.Status409Conflict);
            }

            var details = new Dictionary<string, string>(StringComparer.Ordinal) { ["kind"] = reviewed.Kind };
            if (reviewed.PlayerId is { } playerId)
            {
                details["player"] = playerId.ToString("D", CultureInfo.InvariantCulture);
            }

            if (!string.IsNullOrWhiteSpace(note))
            {
                details["note"] = note;
            }

            audit.Append(new AuditEvent(
                FlagReviewedAction, moderator, user.Identity?.Name, id.ToString(CultureInfo.InvariantCulture), ClientAddress.Of(http), details));
            return Results.Json(reviewed);
        });
        return app;
    }

    private static async Task<IReadOnlyList<CheatFlagEntry>> QueryAsync(
        NpgsqlDataSource database, Guid? playerId, string? kind, DateTimeOffset from, DateTimeOffset to, int limit, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand($"""
            SELECT {Columns}
            FROM cheat_flags
            WHERE at >= @from AND at <= @to
              AND (@player::uuid IS NULL OR player_id = @player)
              AND (@kind::text IS NULL OR kind = @kind)
            ORDER BY at DESC, id DESC
            LIMIT @limit
            """);
        command.Parameters.AddWithValue("from", from.ToUniversalTime());
        command.Parameters.AddWithValue("to", to.ToUniversalTime());
        command.Parameters.Add(new NpgsqlParameter<Guid?>("player", NpgsqlDbType.Uuid) { TypedValue = playerId });
        command.Parameters.Add(new NpgsqlParameter<string?>("kind", NpgsqlDbType.Text) { TypedValue = kind });
        command.Parameters.AddWithValue("limit", limit);
        return await ReadAsync(command, cancellationToken);
    }

    /// <summary>Marks the flag reviewed unless it already was; returns it as now stored, or null when nothing changed.</summary>
    private static async Task<CheatFlagEntry?> ReviewAsync(NpgsqlDataSource database, long id, Guid moderator, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand($"""
            UPDATE cheat_flags SET reviewed_at = now(), reviewed_by = @moderator
            WHERE id = @id AND reviewed_at IS NULL
            RETURNING {Columns}
            """);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("moderator", moderator);
        return (await ReadAsync(command, cancellationToken)).FirstOrDefault();
    }

    private static async Task<CheatFlagEntry?> FindAsync(NpgsqlDataSource database, long id, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand($"SELECT {Columns} FROM cheat_flags WHERE id = @id");
        command.Parameters.AddWithValue("id", id);
        return (await ReadAsync(command, cancellationToken)).FirstOrDefault();
    }

    private static async Task<List<CheatFlagEntry>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var entries = new List<CheatFlagEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new CheatFlagEntry(
                reader.GetInt64(0),
                reader.GetFieldValue<DateTimeOffset>(1),
                reader.IsDBNull(2) ? null : reader.GetGuid(2),
                reader.IsDBNull(3) ? null : reader.GetGuid(3),
                reader.GetString(4),
                reader.GetInt16(5),
                reader.GetInt32(6),
                reader.IsDBNull(7) ? null : ParseObject(reader.GetString(7)),
                reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8),
                reader.IsDBNull(9) ? null : reader.GetGuid(9)));
        }

        return entries;
    }

    private static JsonElement ParseObject(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
