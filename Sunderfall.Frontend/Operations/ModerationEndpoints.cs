using System.Security.Claims;
using Sunderfall.Accounts.Accounts;
using Sunderfall.Accounts.Audit;
using Sunderfall.Frontend.Edge;
using Sunderfall.Frontend.SignIn;
using Sunderfall.Grains.Interfaces.Accounts;

namespace Sunderfall.Frontend.Operations;

/// <summary>
/// /api/moderation: what moderators (and admins) need to act on players - account lookup, kick and ban. Cheat flags
/// (<see cref="FlagEndpoints"/>) and support queries (<see cref="SupportEndpoints"/>) live under the same prefix.
/// </summary>
internal static class ModerationEndpoints
{
    /// <summary>The route prefix of every moderator tool.</summary>
    public const string Prefix = "/api/moderation";

    /// <summary>Body of POST /api/moderation/accounts/{username}/kick.</summary>
    internal sealed record KickRequest(string? Reason);

    /// <summary>Body of POST /api/moderation/accounts/{username}/ban.</summary>
    internal sealed record BanRequest(int Minutes, string? Reason);

    public static IEndpointRouteBuilder MapModerationEndpoints(this IEndpointRouteBuilder app)
    {
        var moderation = app.MapGroup(Prefix).RequireAuthorization(AccountPolicies.Moderator);
        moderation.MapGet("/accounts/{username}", async (string username, AccountModeration accounts, AuditLog audit, ClaimsPrincipal user, HttpContext http) =>
        {
            audit.Append(new AuditEvent("admin.account_viewed", AuthEndpoints.AccountIdOf(user), user.Identity?.Name, username, ClientAddress.Of(http)));
            var found = await accounts.FindAsync(username);
            return found.Ok ? Results.Json(found.Account) : AuthEndpoints.Error(found.Code, found.Message);
        });
        moderation.MapPost("/accounts/{username}/ban", async (string username, BanRequest body, AccountModeration accounts, IClusterClient cluster, TimeProvider clock, ClaimsPrincipal user, HttpContext http) =>
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
        moderation.MapPost("/accounts/{username}/kick", async (string username, KickRequest body, AccountModeration accounts, AuditLog audit, IClusterClient cluster, ClaimsPrincipal user, HttpContext http) =>
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
        return app;
    }
}
