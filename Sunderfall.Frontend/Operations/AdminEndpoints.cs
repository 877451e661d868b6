using System.Security.Claims;
using Sunderfall.Accounts.Accounts;
using Sunderfall.Accounts.Audit;
using Sunderfall.Frontend.Edge;
using Sunderfall.Frontend.SignIn;
using Sunderfall.Grains.Interfaces.Zones;

namespace Sunderfall.Frontend.Operations;

/// <summary>
/// /api/admin, for admins only: role changes, the audit log (which records the moderators' own actions), zone
/// counters and the on-demand reconciliation (<see cref="SupportEndpoints"/>). Moderator tools are under
/// <see cref="ModerationEndpoints.Prefix"/>.
/// </summary>
internal static class AdminEndpoints
{
    /// <summary>The route prefix of the admin-only endpoints.</summary>
    public const string Prefix = "/api/admin";

    /// <summary>Body of PUT /api/admin/accounts/{username}/roles.</summary>
    internal sealed record RolesRequest(string[]? Roles);

    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup(Prefix).RequireAuthorization(AccountPolicies.Admin);
        admin.MapPut("/accounts/{username}/roles", async (string username, RolesRequest body, AccountModeration accounts, ClaimsPrincipal user, HttpContext http) =>
        {
            var result = await accounts.SetRolesAsync(AuthEndpoints.AccountIdOf(user), user.Identity?.Name ?? "", username, body.Roles ?? [], ClientAddress.Of(http));
            return result.Ok ? Results.Json(result.Account) : AuthEndpoints.Error(result.Code, result.Message);
        });
        admin.MapGet("/audit", async (string? account, DateTimeOffset? from, DateTimeOffset? to, int? limit, AccountModeration accounts, AuditLog audit, ClaimsPrincipal user, HttpContext http) =>
        {
            Guid? actor = null;
            if (account is not null)
            {
                actor = (await accounts.FindAsync(account)).Account?.Id;
                if (actor is null)
                {
                    return AuthEndpoints.Error(AuthErrorCode.NotFound, $"no account is named '{account}'");
                }
            }

            if (limit is < 1 or > 1000)
            {
                return AuthEndpoints.Error(AuthErrorCode.InvalidArgument, "limit must be 1..1000");
            }

            audit.Append(new AuditEvent("admin.audit_viewed", AuthEndpoints.AccountIdOf(user), user.Identity?.Name, account, ClientAddress.Of(http)));
            var (start, end) = (from ?? DateTimeOffset.UnixEpoch, to ?? DateTimeOffset.UtcNow.AddMinutes(1));
            if (end < start)
            {
                return AuthEndpoints.Error(AuthErrorCode.InvalidArgument, "to must not be before from");
            }

            var rows = await audit.QueryAsync(actor, start, end, limit ?? 200);
            return Results.Json(rows);
        });
        admin.MapGet("/zones/{template}/{channel:int}", async (string template, int channel, IClusterClient cluster) =>
            Results.Json(await cluster.GetGrain<IZoneGrain>(ZoneInstances.Key(template, channel)).GetStatusAsync()));
        return app;
    }
}
