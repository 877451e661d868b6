using System.Globalization;
using System.Security.Claims;
using Sunderfall.Accounts.Accounts;
using Sunderfall.Accounts.Tokens;
using Sunderfall.Frontend.Edge;
using Sunderfall.Grains.Interfaces.Accounts;
using Sunderfall.Protocol.Auth;

namespace Sunderfall.Frontend.SignIn;

/// <summary>
/// /api/auth: register, login (with an optional second factor), refresh (rotating), logout, and through
/// <see cref="MfaEndpoints"/> two-step sign-in and account recovery. Every refusal is an ApiError with a status.
/// </summary>
internal static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").RequireRateLimiting(RateLimitPolicies.Auth).RequireSharedSignInLimit();
        auth.MapPost("/register", async (RegisterRequest body, AccountService accounts, HttpContext http) =>
        {
            // Registering signs the new account in: one round trip from sign-up to play. A sign-up whose client has
            // gone (it timed out waiting its turn to hash) is dropped rather than hashed for no one.
            var registered = await accounts.RegisterAndSignInAsync(
                body.Username ?? "", body.Email ?? "", body.Password ?? "", ClientAddress.Of(http), http.RequestAborted);
            return ToHttp(registered, StatusCodes.Status201Created);
        });
        auth.MapPost("/login", async (LoginRequest body, AccountService accounts, HttpContext http) =>
            ToHttp(await accounts.LoginAsync(body.Username ?? "", body.Password ?? "", ClientAddress.Of(http), body.MfaCode, http.RequestAborted), StatusCodes.Status200OK));
        auth.MapPost("/refresh", async (RefreshRequest body, AccountService accounts, HttpContext http) =>
            ToHttp(await accounts.RefreshAsync(body.RefreshToken ?? "", ClientAddress.Of(http)), StatusCodes.Status200OK));
        auth.MapPost("/logout", async (ClaimsPrincipal user, AccountService accounts, IClusterClient cluster, ILogger<AccountService> logger, HttpContext http) =>
        {
            await accounts.LogoutAsync(AccountIdOf(user), SessionIdOf(user), ClientAddress.Of(http));
            // The game connection this sign-in opened goes with it (one of another sign-in stays).
            await EndGameSessionAsync(cluster, AccountIdOf(user), SessionIdOf(user), "signed out", logger);
            return Results.NoContent();
        }).RequireAuthorization();
        auth.MapMfaEndpoints();
        return app;
    }

    public static Guid AccountIdOf(ClaimsPrincipal user) => AccountClaims.AccountId(user) ?? Guid.Empty;

    /// <summary>
    /// Closes the account's live game connection when the sign-in it was opened with has ended (null: any sign-in).
    /// The sign-in is already revoked in the database, so a cluster that cannot be reached is logged, not reported.
    /// </summary>
    public static async Task EndGameSessionAsync(IClusterClient cluster, Guid accountId, Guid? signInSession, string message, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(logger);
        try
        {
            await cluster.GetGrain<IAccountGrain>(accountId).EndSessionAsync(signInSession, message);
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException)
        {
            logger.LogWarning(ex, "Could not close the game session of account {Account} after its sign-in ended", accountId);
        }
    }

    public static Guid SessionIdOf(ClaimsPrincipal user) => AccountClaims.Session(user) ?? Guid.Empty;

    public static IResult ToHttp(AuthResult result, int successStatus)
    {
        if (result.Ok && result.Tokens is { } tokens && result.Account is { } account)
        {
            return Results.Json(new AuthResponse
            {
                AccountId = account.Id.ToString("D", CultureInfo.InvariantCulture),
                Username = account.Username,
                Roles = [.. account.Roles],
                AccessToken = tokens.AccessToken,
                AccessTokenExpiresAt = tokens.AccessTokenExpiresAt,
                RefreshToken = tokens.RefreshToken,
                RefreshTokenExpiresAt = tokens.RefreshTokenExpiresAt,
            }, statusCode: successStatus);
        }

        return Refusal(result);
    }

    /// <summary>The refusal as <see cref="Error"/> answers it, with Retry-After when the result says when to retry.</summary>
    public static IResult Refusal(AuthResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var error = Error(result.Code, result.Message);
        return result.RetryAfter is { } after ? new RetryAfterResult(error, after) : error;
    }

    public static IResult Error(AuthErrorCode code, string message) => Results.Json(
        new ApiError { Code = code.ToString(), Message = message },
        statusCode: code switch
        {
            AuthErrorCode.InvalidArgument => StatusCodes.Status400BadRequest,
            AuthErrorCode.UsernameTaken or AuthErrorCode.EmailTaken => StatusCodes.Status409Conflict,
            AuthErrorCode.InvalidCredentials or AuthErrorCode.TokenInvalid or AuthErrorCode.TokenExpired or AuthErrorCode.TokenReused
                or AuthErrorCode.MfaRequired or AuthErrorCode.InvalidMfaCode or AuthErrorCode.InvalidRecoveryCode => StatusCodes.Status401Unauthorized,
            AuthErrorCode.LockedOut => StatusCodes.Status423Locked,
            AuthErrorCode.Banned or AuthErrorCode.Forbidden => StatusCodes.Status403Forbidden,
            AuthErrorCode.NotFound => StatusCodes.Status404NotFound,
            AuthErrorCode.MfaAlreadyEnabled or AuthErrorCode.MfaNotEnabled => StatusCodes.Status409Conflict,
            AuthErrorCode.Busy => StatusCodes.Status503ServiceUnavailable,
            _ => StatusCodes.Status400BadRequest,
        });
}
