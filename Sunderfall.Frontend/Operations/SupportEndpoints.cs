using System.Globalization;
using System.Security.Claims;
using Microsoft.Extensions.Options;
using Sunderfall.Accounts.Accounts;
using Sunderfall.Accounts.Audit;
using Sunderfall.Frontend.Edge;
using Sunderfall.Frontend.SignIn;
using Sunderfall.Grains.Interfaces.Combat;
using Sunderfall.ServiceDefaults.Clustering;
using Sunderfall.Stores.Support;

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

    /// <summary>
    /// The result of GET /api/admin/encounters/{id}/replay: whether replaying the committed record from its seed rolled
    /// every amount and reward it holds, and if not the first difference.
    /// </summary>
    internal sealed record ReplayReport(Guid EncounterId, bool Identical, string? FirstDifference);

    /// <summary>The result of POST /api/admin/reconcile.</summary>
    internal sealed record ReconcileReport(DateTimeOffset CheckedAt, int NewFlags, IReadOnlyList<ResourceDiscrepancy> Discrepancies);

    public static IEndpointRouteBuilder MapSupportEndpoints(this IEndpointRouteBuilder app)
    {
        var moderation = app.MapGroup(ModerationEndpoints.Prefix).RequireAuthorization(AccountPolicies.Moderator);
        var admin = app.MapGroup(AdminEndpoints.Prefix).RequireAuthorization(AccountPolicies.Admin);
        moderation.MapGet("/transactions", async (string? player, string? from, string? to, string? kind, string? limit,
            SupportStore store, AuditLog audit, ClaimsPrincipal user, HttpContext http, CancellationToken cancellationToken) =>
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
            return Results.Json(await store.QueryTransactionsAsync(playerId, start, end, kind, count, cancellationToken));
        });
        moderation.MapGet("/encounters/{id}", async (string id,
            SupportStore store, AuditLog audit, ClaimsPrincipal user, HttpContext http, CancellationToken cancellationToken) =>
        {
            if (!Guid.TryParse(id, CultureInfo.InvariantCulture, out var encounterId))
            {
                return AuthEndpoints.Error(AuthErrorCode.InvalidArgument, "id must be an encounter id (a GUID)");
            }

            audit.Append(new AuditEvent(EncounterViewedAction, AuthEndpoints.AccountIdOf(user), user.Identity?.Name, id, ClientAddress.Of(http)));
            var report = await store.FindEncounterAsync(encounterId, cancellationToken);
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
        admin.MapPost("/reconcile", async (ResourceReconciler reconciler, IOptions<ClusteringOptions> cluster, AuditLog audit, TimeProvider clock,
            ClaimsPrincipal user, HttpContext http, CancellationToken cancellationToken) =>
        {
            var checkedAt = clock.GetUtcNow();
            var found = await reconciler.RunAsync(cluster.Value.ServiceId, cancellationToken);
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
}
