using System.Buffers.Text;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Sunderfall.Accounts.Accounts;

namespace Sunderfall.Accounts.Tokens;

/// <summary>
/// Issues HMAC-SHA256-signed JWT access tokens and random refresh tokens, and describes how access tokens are checked
/// (<see cref="ValidationParameters"/>, for JwtBearer on frontends and silos).
/// </summary>
public sealed class TokenService
{
    /// <summary>Random bytes in a refresh token.</summary>
    public const int RefreshTokenBytes = 32;

    /// <summary>Length of a refresh token: base64url of 32 bytes, no padding.</summary>
    public const int RefreshTokenLength = 43;

    private readonly AuthOptions options;
    private readonly TimeProvider time;
    private readonly SigningCredentials signing;
    private readonly TokenValidationParameters validation;
    private readonly JsonWebTokenHandler handler = new() { SetDefaultTimesOnTokenCreation = false };

    /// <summary>Throws <see cref="ArgumentException"/> naming the setting when the options are unusable.</summary>
    public TokenService(IOptions<AuthOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        this.options = options.Value;
        this.time = time;
        var errors = AuthOptionsValidator.Errors(this.options);
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", errors), nameof(options));
        }

        var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(this.options.SigningKey));
        signing = new SigningCredentials(key, SecurityAlgorithms.HmacSha256);
        validation = new TokenValidationParameters
        {
            ValidIssuer = this.options.Issuer,
            ValidAudience = this.options.Audience,
            IssuerSigningKey = key,
            // Only the algorithm we sign with: no "none", no algorithm confusion.
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ValidTypes = [JwtConstants.HeaderType],
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            ValidateIssuerSigningKey = true,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            // Frontends and silos share one clock source in practice; allow only a little drift.
            ClockSkew = TimeSpan.FromSeconds(30),
            NameClaimType = AccountClaims.Name,
            RoleClaimType = AccountClaims.Role,
            LifetimeValidator = ValidateLifetime,
        };
    }

    /// <summary>
    /// How access tokens are checked: issuer, audience, HS256 signature with the configured key, lifetime against
    /// this service's clock. A copy each time, so callers cannot change the original. With JwtBearer set
    /// MapInboundClaims = false, so "role" and "name" keep their short names.
    /// </summary>
    public TokenValidationParameters ValidationParameters => validation.Clone();

    /// <summary>A signed access token for the account and session, valid for the configured lifetime.</summary>
    public (string Token, DateTimeOffset ExpiresAt) IssueAccessToken(AccountInfo account, Guid sessionId)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (account.Id == Guid.Empty)
        {
            throw new ArgumentException("the account has no id", nameof(account));
        }

        if (sessionId == Guid.Empty)
        {
            throw new ArgumentException("the session id must not be empty", nameof(sessionId));
        }

        var now = time.GetUtcNow();
        var expiresAt = now + options.AccessTokenLifetime;
        var claims = new List<Claim>
        {
            new(AccountClaims.Subject, account.Id.ToString("D")),
            new(AccountClaims.Name, account.Username),
            new(AccountClaims.SessionId, sessionId.ToString("D")),
            new(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
        };
        claims.AddRange(account.Roles.Select(role => new Claim(AccountClaims.Role, role)));

        var token = handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expiresAt.UtcDateTime,
            SigningCredentials = signing,
        });
        return (token, expiresAt);
    }

    /// <summary>Checks an access token with <see cref="ValidationParameters"/>; the result carries the claims.</summary>
    public Task<TokenValidationResult> ValidateAccessTokenAsync(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return handler.ValidateTokenAsync(token, validation);
    }

    /// <summary>A new refresh token (base64url of 32 random bytes) and the SHA-256 hash that is stored instead.</summary>
    public static (string Token, byte[] Hash) NewRefreshToken()
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(RefreshTokenBytes));
        return (token, HashRefreshToken(token));
    }

    /// <summary>The SHA-256 of a refresh token's text, as stored in refresh_tokens.token_hash.</summary>
    public static byte[] HashRefreshToken(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return SHA256.HashData(Encoding.ASCII.GetBytes(token));
    }

    /// <summary>True when the text has the shape of a refresh token (43 base64url characters).</summary>
    public static bool IsWellFormedRefreshToken(string? token) =>
        token is { Length: RefreshTokenLength } && Base64Url.IsValid(token, out var bytes) && bytes == RefreshTokenBytes;

    // The library's own lifetime check reads the system clock; this one reads the clock tokens are issued with.
    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (expires is not { } end)
        {
            throw new SecurityTokenNoExpirationException("the access token has no expiry");
        }

        if (end.ToUniversalTime() + parameters.ClockSkew <= now)
        {
            throw new SecurityTokenExpiredException($"the access token expired at {end.ToUniversalTime():O}") { Expires = end };
        }

        if (notBefore is { } start && start.ToUniversalTime() - parameters.ClockSkew > now)
        {
            throw new SecurityTokenNotYetValidException($"the access token is not valid before {start.ToUniversalTime():O}") { NotBefore = start };
        }

        return true;
    }
}
