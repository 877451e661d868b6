using System.Globalization;
using System.Security.Claims;
using Sunderfall.Accounts.Accounts;
using Sunderfall.Accounts.Audit;
using Sunderfall.Frontend.Edge;
using Sunderfall.Frontend.SignIn;
using Sunderfall.Protocol.Auth;
using Sunderfall.Stores.CheatFlags;

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

    /// <summary>Optional body of POST /api/moderation/flags/{id}/review.</summary>
    internal sealed record ReviewRequest(string? Note);

    public static IEndpointRouteBuilder MapFlagEndpoints(this IEndpointRouteBuilder app)
    {
        var flags = app.MapGroup(ModerationEndpoints.Prefix + "/flags").RequireAuthorization(AccountPolicies.Moderator);
        flags.MapGet("", async (string? player, string? kind, DateTimeOffset? from, DateTimeOffset? to, int? limit,
            CheatFlagStore store, AuditLog audit, ClaimsPrincipal user, HttpContext http, CancellationToken cancellationToken) =>
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
            return Results.Json(await store.QueryAsync(playerId, kind, start, end, limit ?? DefaultLimit, cancellationToken));
        });
        flags.MapPost("/{id:long}/review", async (long id, ReviewRequest? body,
            CheatFlagStore store, AuditLog audit, ClaimsPrincipal user, HttpContext http, CancellationToken cancellationToken) =>
        {
            var note = body?.Note;
            if (note is { Length: > MaxNoteLength })
            {
                return AuthEndpoints.Error(AuthErrorCode.InvalidArgument, $"note must be at most {MaxNoteLength} characters");
            }

            var moderator = AuthEndpoints.AccountIdOf(user);
            var reviewed = await store.ReviewAsync(id, moderator, cancellationToken);
            if (reviewed is null)
            {
                var existing = await store.FindAsync(id, cancellationToken);
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
}
