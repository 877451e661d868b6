using System.Security.Claims;
using Sunderfall.Accounts.Mfa;
using Sunderfall.Accounts.Recovery;
using Sunderfall.Frontend.Edge;
using Sunderfall.Protocol.Auth;

namespace Sunderfall.Frontend.SignIn;

/// <summary>
/// Under /api/auth (so under its rate limit): two-step sign-in for the signed-in account (mfa/enrol, mfa/confirm,
/// mfa/disable) and account recovery by a one-time code (recovery/request, recovery/complete).
/// </summary>
internal static class MfaEndpoints
{
    public static RouteGroupBuilder MapMfaEndpoints(this RouteGroupBuilder auth)
    {
        auth.MapPost("/mfa/enrol", async (ClaimsPrincipal user, AccountMfa accounts, HttpContext http) =>
        {
            var result = await accounts.BeginMfaEnrolmentAsync(AuthEndpoints.AccountIdOf(user), ClientAddress.Of(http));
            return result is { Ok: true, MfaEnrolment: { } enrolment }
                ? Results.Json(new MfaEnrolmentResponse { Secret = enrolment.Secret, OtpauthUri = enrolment.OtpAuthUri })
                : AuthEndpoints.Error(result.Code, result.Message);
        }).RequireAuthorization();
        auth.MapPost("/mfa/confirm", async (MfaCodeRequest body, ClaimsPrincipal user, AccountMfa accounts, HttpContext http) =>
        {
            var result = await accounts.ConfirmMfaAsync(AuthEndpoints.AccountIdOf(user), body.Code ?? "", ClientAddress.Of(http));
            return result is { Ok: true, RecoveryCodes: { } codes }
                ? Results.Json(new MfaRecoveryCodesResponse { RecoveryCodes = [.. codes] })
                : AuthEndpoints.Error(result.Code, result.Message);
        }).RequireAuthorization();
        auth.MapPost("/mfa/disable", async (MfaCodeRequest body, ClaimsPrincipal user, AccountMfa accounts, HttpContext http) =>
        {
            var result = await accounts.DisableMfaAsync(AuthEndpoints.AccountIdOf(user), body.Code ?? "", ClientAddress.Of(http));
            return result.Ok ? Results.NoContent() : AuthEndpoints.Error(result.Code, result.Message);
        }).RequireAuthorization();
        auth.MapPost("/recovery/request", async (RecoveryRequest body, AccountRecovery accounts, HttpContext http) =>
        {
            // 202 for every well-formed request, known account or not; only a malformed name or address is a 400.
            var result = await accounts.RequestRecoveryAsync(body.UsernameOrEmail ?? "", ClientAddress.Of(http));
            return result.Ok ? Results.Accepted() : AuthEndpoints.Error(result.Code, result.Message);
        });
        auth.MapPost("/recovery/complete", async (RecoveryCompleteRequest body, AccountRecovery accounts, IClusterClient cluster, ILogger<AccountRecovery> logger, HttpContext http) =>
        {
            var result = await accounts.CompleteRecoveryAsync(body.Username ?? "", body.Code ?? "", body.NewPassword ?? "", ClientAddress.Of(http), http.RequestAborted);
            if (!result.Ok)
            {
                return AuthEndpoints.Refusal(result);
            }

            // Every sign-in was revoked with the old password, so whoever is playing the account now is closed too.
            if (result.Account is { } recovered)
            {
                await AuthEndpoints.EndGameSessionAsync(cluster, recovered.Id, null, "the account was recovered and every sign-in ended", logger);
            }

            return Results.NoContent();
        });
        return auth;
    }
}
