using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Sunderfall.Accounts.Accounts;
using Sunderfall.Accounts.Tokens;
using Xunit;

namespace Sunderfall.Accounts.Tests.Tokens;

public sealed class TokenServiceTests
{
    private static readonly AccountInfo Aria = new(
        Guid.Parse("0195f2a4-1111-7000-8000-000000000001"), "Aria", "aria@example.com", [Roles.Player, Roles.Moderator],
        DateTimeOffset.UnixEpoch, null);

    private static readonly Guid Session = Guid.Parse("0195f2a4-2222-7000-8000-000000000002");

    private readonly ShiftableTimeProvider clock = new();
    private readonly TokenService tokens;

    public TokenServiceTests() => tokens = new TokenService(TestKeys.Options(), clock);

    [Fact]
    public async Task IssuedToken_ValidatesWithValidationParameters_AndCarriesTheAccountClaims()
    {
        var (token, expiresAt) = tokens.IssueAccessToken(Aria, Session);

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, tokens.ValidationParameters);

        Assert.True(result.IsValid, result.Exception?.Message);
        var principal = new System.Security.Claims.ClaimsPrincipal(result.ClaimsIdentity);
        Assert.Equal(Aria.Id, AccountClaims.AccountId(principal));
        Assert.Equal(Session, AccountClaims.Session(principal));
        Assert.Equal("Aria", principal.Identity!.Name);
        Assert.Equal(new[] { Roles.Moderator, Roles.Player }, principal.FindAll(AccountClaims.Role).Select(c => c.Value).Order(StringComparer.Ordinal));
        Assert.True(principal.IsInRole(Roles.Moderator));
        Assert.False(principal.IsInRole(Roles.Admin));
        Assert.Equal("sunderfall", result.Issuer);
        Assert.InRange(expiresAt - clock.GetUtcNow(), TimeSpan.FromMinutes(14.9), TimeSpan.FromMinutes(15));
    }

    [Fact]
    public async Task TamperedToken_WithAdminAddedToItsRoles_IsRefused()
    {
        var (token, _) = tokens.IssueAccessToken(Aria, Session);
        var parts = token.Split('.');
        var payload = JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]))!.AsObject();
        payload["role"] = new JsonArray("player", "moderator", "admin");
        var forged = $"{parts[0]}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.ToJsonString()))}.{parts[2]}";

        var result = await tokens.ValidateAccessTokenAsync(forged);

        Assert.False(result.IsValid);
        Assert.IsAssignableFrom<SecurityTokenInvalidSignatureException>(result.Exception);
    }

    [Fact]
    public async Task TokenSignedWithAnotherKey_IsRefused()
    {
        var other = new TokenService(TestKeys.Options(o => o.SigningKey = TestKeys.OtherSigningKey), clock);
        var (token, _) = other.IssueAccessToken(Aria, Session);

        var result = await tokens.ValidateAccessTokenAsync(token);

        Assert.False(result.IsValid);
        Assert.IsAssignableFrom<SecurityTokenInvalidSignatureException>(result.Exception);
    }

    [Fact]
    public async Task UnsignedToken_IsRefused()
    {
        var unsigned = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "sunderfall",
            Audience = "sunderfall-game",
            Expires = DateTime.UtcNow.AddMinutes(10),
            Claims = new Dictionary<string, object> { ["sub"] = Aria.Id.ToString(), ["role"] = "admin" },
        });

        var result = await tokens.ValidateAccessTokenAsync(unsigned);

        Assert.False(result.IsValid);
    }

    [Fact]
    public async Task Token_AfterItsLifetime_IsRefused_AndJustBeforeIsAccepted()
    {
        var (token, _) = tokens.IssueAccessToken(Aria, Session);

        clock.Advance(TimeSpan.FromMinutes(14));
        Assert.True((await tokens.ValidateAccessTokenAsync(token)).IsValid);

        clock.Advance(TimeSpan.FromMinutes(2));
        var expired = await tokens.ValidateAccessTokenAsync(token);
        Assert.False(expired.IsValid);
        Assert.IsType<SecurityTokenExpiredException>(expired.Exception);
    }

    [Fact]
    public async Task TokenIssuedAnHourAgo_IsRefusedOnTheSystemClock()
    {
        var pastClock = new ShiftableTimeProvider();
        pastClock.Advance(TimeSpan.FromHours(-1));
        var (token, _) = new TokenService(TestKeys.Options(), pastClock).IssueAccessToken(Aria, Session);

        var result = await new TokenService(TestKeys.Options(), TimeProvider.System).ValidateAccessTokenAsync(token);

        Assert.False(result.IsValid);
    }

    [Theory]
    [InlineData("someone-else", "sunderfall-game")]
    [InlineData("sunderfall", "another-game")]
    public async Task TokenForAnotherIssuerOrAudience_IsRefused(string issuer, string audience)
    {
        var foreign = new TokenService(TestKeys.Options(o => { o.Issuer = issuer; o.Audience = audience; }), clock);
        var (token, _) = foreign.IssueAccessToken(Aria, Session);

        Assert.False((await tokens.ValidateAccessTokenAsync(token)).IsValid);
    }

    [Fact]
    public void NewRefreshToken_Is43Base64UrlCharactersOf32RandomBytes_AndItsHashIsSha256()
    {
        var (token, hash) = TokenService.NewRefreshToken();
        var (another, _) = TokenService.NewRefreshToken();

        Assert.Equal(43, token.Length);
        Assert.Equal(32, Base64Url.DecodeFromChars(token).Length);
        Assert.True(TokenService.IsWellFormedRefreshToken(token));
        Assert.Equal(SHA256.HashData(Encoding.ASCII.GetBytes(token)), hash);
        Assert.Equal(hash, TokenService.HashRefreshToken(token));
        Assert.NotEqual(token, another);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("too-short")]
    [InlineData("+/+/+/+/+/+/+/+/+/+/+/+/+/+/+/+/+/+/+/+/+/+")]
    public void IsWellFormedRefreshToken_RefusesWhatWasNotIssued(string? token) =>
        Assert.False(TokenService.IsWellFormedRefreshToken(token));

    [Fact]
    public void Constructor_WithAShortSigningKey_NamesTheSettingAndItsVariable()
    {
        var error = Assert.Throws<ArgumentException>(() => new TokenService(TestKeys.Options(o => o.SigningKey = "too-short"), clock));

        Assert.Contains("Auth:SigningKey must be at least 32 bytes", error.Message, StringComparison.Ordinal);
        Assert.Contains("SUNDERFALL_Auth__SigningKey", error.Message, StringComparison.Ordinal);
    }
}
