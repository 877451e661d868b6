using System.Security.Claims;
using Sunderfall.Accounts.Accounts;
using Sunderfall.Accounts.Audit;
using Sunderfall.Grains.Interfaces.Accounts;
using Sunderfall.Grains.Interfaces.Zones;

namespace Sunderfall.Frontend.Security;

/// <summary>/api/admin: account lookup, bans and the audit log for moderators; role changes for admins only.</summary>
internal static class AdminEndpoints
{
    /// <summary>Body of PUT /api/admin/accounts/{username}/roles.</summary>
    internal sealed record RolesRequest(string[]? Roles);

    /// <summary>Body of POST /api/admin/accounts/{username}/kick.</summary>
    internal sealed record KickRequest(string? Reason);

    /// <summary>Body of POST /api/admin/accounts/{username}/ban.</summary>
    internal sealed record BanRequest(int Minutes, string? Reason);

    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin").RequireAuthorization(AccountPolicies.Moderator);
        admin.MapGet("/accounts/{username}", async (string username, AccountService accounts, AuditLog audit, ClaimsPrincipal user, HttpContext http) =>
        {
            audit.Append(Event(user, "admin.account_viewed", username, http));
            var found = await accounts.FindAsync(username);
            return found.Ok ? Results.Json(found.Account) : AuthEndpoints.Error(found.Code, found.Message);
        });
        admin.MapPut("/accounts/{username}/roles", async (string username, RolesRequest body, AccountService accounts, ClaimsPrincipal user, HttpContext http) =>
        {
            var result = await accounts.SetRolesAsync(AuthEndpoints.AccountIdOf(user), user.Identity?.Name ?? "", username, body.Roles ?? [], ClientAddress.Of(http));
            return result.Ok ? Results.Json(result.Account) : AuthEndpoints.Error(result.Code, result.Message);
        }).RequireAuthorization(AccountPolicies.Admin);
        admin.MapPost("/accounts/{username}/ban", async (string username, BanRequest body, AccountService accounts, IClusterClient cluster, TimeProvider clock, ClaimsPrincipal user, HttpContext http) =>
        {
            if (body.Minutes is < 1 or > 525_600 || string.IsNullOrWhiteSpace(body.Reason) || body.Reason.Length > 500)
            {
                return AuthEndpoints.Error(AuthErrorCode.InvalidArgument, "minutes must be 1..525600 and reason 1-500 characters");
            }

            var result = await accounts.BanAsync(
                AuthEndpoints.AccountIdOf(user), user.Identity?.Name ?? "", username, clock.GetUtcNow().AddMinutes(body.Minutes), body.Reason, ClientAddress.Of(http));
            if (!result.Ok)
            {
                return AuthEndpoints.Error(result.Code, result.Message);
            }

            // The ban revoked the account's sign-in sessions; its live game connection is closed too.
            if ((await accounts.FindAsync(username)).Account is { } banned)
            {
                await cluster.GetGrain<IAccountGrain>(banned.Id).KickAsync($"banned: {body.Reason}");
            }

            return Results.NoContent();
        });
        admin.MapPost("/accounts/{username}/kick", async (string username, KickRequest body, AccountService accounts, AuditLog audit, IClusterClient cluster, ClaimsPrincipal user, HttpContext http) =>
        {
            if (string.IsNullOrWhiteSpace(body.Reason) || body.Reason.Length > 500)
            {
                return AuthEndpoints.Error(AuthErrorCode.InvalidArgument, "reason must be 1-500 characters");
            }

            var found = await accounts.FindAsync(username);
            if (found.Account is not { } account)
            {
                return AuthEndpoints.Error(found.Code, found.Message);
            }

            var kicked = await cluster.GetGrain<IAccountGrain>(account.Id).KickAsync($"kicked by a moderator: {body.Reason}");
            audit.Append(new AuditEvent(AuditActions.AccountKicked, AuthEndpoints.AccountIdOf(user), user.Identity?.Name, account.Username, ClientAddress.Of(http),
                new Dictionary<string, string> { ["reason"] = body.Reason, ["wasInGame"] = kicked ? "true" : "false" }));
            return kicked ? Results.NoContent() : AuthEndpoints.Error(AuthErrorCode.NotFound, $"{account.Username} has no game session to close");
        });
        admin.MapGet("/audit", async (string? account, DateTimeOffset? from, DateTimeOffset? to, int? limit, AccountService accounts, AuditLog audit, ClaimsPrincipal user, HttpContext http) =>
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

            audit.Append(Event(user, "admin.audit_viewed", account, http));
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
        app.MapFlagEndpoints();
        app.MapSupportEndpoints();
        return app;
    }

    private static AuditEvent Event(ClaimsPrincipal user, string action, string? target, HttpContext http) =>
        new(action, AuthEndpoints.AccountIdOf(user), user.Identity?.Name, target, ClientAddress.Of(http));
}
