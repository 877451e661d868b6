using System.Security.Claims;
using Microsoft.Extensions.Options;
using Sunderfall.Accounts.Accounts;
using Sunderfall.Accounts.Audit;
using Sunderfall.Frontend.Edge;
using Sunderfall.Frontend.SignIn;
using Sunderfall.Frontend.WebClient;
using Sunderfall.Grains.Interfaces.Accounts;
using Sunderfall.Grains.Interfaces.Chat;
using Sunderfall.Grains.Interfaces.Zones;
using Sunderfall.Protocol.Auth;

namespace Sunderfall.Frontend.Operations;

/// <summary>
/// What the operator console (/console) needs beyond the moderation API: the live overview, a system message to
/// everyone or one zone, and the firing alerts of the configured Prometheus. Reading the overview and the alerts is
/// not audited (no player's data, polled every few seconds); a broadcast is, before it goes out.
/// </summary>
internal static class ConsoleEndpoints
{
    /// <summary>Audit action of a broadcast; the target is the zone template or "*", details hold the text.</summary>
    public const string BroadcastAction = "admin.broadcast_sent";

    /// <summary>Audit action of a moderator listing an account's characters; the target is the account.</summary>
    public const string CharactersViewedAction = "admin.characters_viewed";

    /// <summary>Audit action of a chat mute (or its lifting, minutes 0); the target is the account, details hold minutes and reason.</summary>
    public const string MutedAction = "admin.account_muted";

    /// <summary>Longest chat mute, in minutes (30 days).</summary>
    public const int MaxMuteMinutes = 43_200;

    /// <summary>The name system lines are sent under.</summary>
    public const string SystemSender = "System";

    /// <summary>Body of POST /api/moderation/broadcast; <see cref="Zone"/> is a zone template id, or null for everyone.</summary>
    internal sealed record BroadcastRequest(string? Text, string? Zone);

    /// <summary>Body of POST /api/moderation/accounts/{username}/mute: minutes 0 lifts a mute.</summary>
    internal sealed record MuteRequest(int Minutes, string? Reason);

    /// <summary>The answer to a mute: until when, and how many of the account's characters it covers.</summary>
    internal sealed record MuteResult(string Username, DateTimeOffset Until, int Characters);

    /// <summary>The answer to a broadcast: how many zone instances (channels) it was sent to.</summary>
    internal sealed record BroadcastResult(string Text, string? Zone, int Instances);

    public static IEndpointRouteBuilder MapConsoleEndpoints(this IEndpointRouteBuilder app)
    {
        var moderation = app.MapGroup(ModerationEndpoints.Prefix).RequireAuthorization(AccountPolicies.Moderator);
        moderation.MapGet("/overview", async (OperatorOverview overview) => Results.Json(await overview.BuildAsync()));
        moderation.MapPost("/broadcast", BroadcastAsync);
        moderation.MapGet("/alerts", AlertsAsync);
        moderation.MapPost("/accounts/{username}/mute", MuteAsync);
        moderation.MapGet("/accounts/{username}/characters", async (string username, AccountModeration accounts, IClusterClient cluster, AuditLog audit,
            ClaimsPrincipal user, HttpContext http) =>
        {
            var found = await accounts.FindAsync(username);
            if (found.Account is not { } account)
            {
                return AuthEndpoints.Error(found.Code, found.Message);
            }

            audit.Append(new AuditEvent(CharactersViewedAction, AuthEndpoints.AccountIdOf(user), user.Identity?.Name, account.Username, ClientAddress.Of(http)));
            var characters = await cluster.GetGrain<IAccountGrain>(account.Id).GetCharactersAsync();
            return Results.Json(characters.Select(c => new { c.Id, c.Name, Class = c.Class.ToString(), c.Level, c.ZoneId, c.InWorld }));
        });
        return app;
    }

    private static async Task<IResult> BroadcastAsync(BroadcastRequest body, ClientContent content, IClusterClient cluster, AuditLog audit,
        TimeProvider clock, ClaimsPrincipal user, HttpContext http)
    {
        if (SystemMessageText.Validate(body.Text, out var text) is { } error)
        {
            return AuthEndpoints.Error(AuthErrorCode.InvalidArgument, error);
        }

        var zones = content.ZoneIds();
        if (body.Zone is not null && !zones.Contains(body.Zone, StringComparer.Ordinal))
        {
            return AuthEndpoints.Error(AuthErrorCode.InvalidArgument, $"zone must be a zone template id ({string.Join(", ", zones)}) or absent for everyone");
        }

        // Written before the message goes out: no broadcast reaches players without its audit row.
        audit.Append(new AuditEvent(BroadcastAction, AuthEndpoints.AccountIdOf(user), user.Identity?.Name, body.Zone ?? "*", ClientAddress.Of(http),
            new Dictionary<string, string>(StringComparer.Ordinal) { ["text"] = text }));
        await audit.FlushAsync(http.RequestAborted);

        var line = new ChatLine(ChatChannel.System, Guid.Empty, SystemSender, text, clock.GetUtcNow());
        var instances = 0;
        foreach (var template in body.Zone is null ? zones : [body.Zone])
        {
            foreach (var instance in (await cluster.GetGrain<IZoneDirectoryGrain>(template).GetChannelsAsync()).Keys)
            {
                await cluster.GetGrain<IZoneGrain>(instance).BroadcastChatAsync(line);
                instances++;
            }
        }

        return Results.Json(new BroadcastResult(text, body.Zone, instances));
    }

    private static async Task<IResult> MuteAsync(string username, MuteRequest body, AccountModeration accounts, IClusterClient cluster, AuditLog audit,
        TimeProvider clock, ClaimsPrincipal user, HttpContext http)
    {
        if (body.Minutes is < 0 or > MaxMuteMinutes || string.IsNullOrWhiteSpace(body.Reason) || body.Reason.Length > 500)
        {
            return AuthEndpoints.Error(AuthErrorCode.InvalidArgument, $"minutes must be 0..{MaxMuteMinutes} (0 lifts a mute) and reason 1-500 characters");
        }

        var found = await accounts.FindAsync(username);
        if (found.Account is not { } account)
        {
            return AuthEndpoints.Error(found.Code, found.Message);
        }

        audit.Append(new AuditEvent(MutedAction, AuthEndpoints.AccountIdOf(user), user.Identity?.Name, account.Username, ClientAddress.Of(http),
            new Dictionary<string, string>(StringComparer.Ordinal) { ["minutes"] = body.Minutes.ToString(System.Globalization.CultureInfo.InvariantCulture), ["reason"] = body.Reason }));
        await audit.FlushAsync(http.RequestAborted);

        // Every character the account has now; chat is sent per character, so that is where the mute is kept.
        var until = clock.GetUtcNow().AddMinutes(body.Minutes);
        var characters = await cluster.GetGrain<IAccountGrain>(account.Id).GetCharactersAsync();
        var mute = new ChatMute(until, body.Reason, user.Identity?.Name ?? "");
        await Task.WhenAll(characters.Select(c => cluster.GetGrain<IChatGrain>(c.Id).MuteAsync(mute)));
        return Results.Json(new MuteResult(account.Username, until, characters.Count));
    }

    private static async Task<IResult> AlertsAsync(IOptions<ConsoleOptions> options, IHttpClientFactory clients, CancellationToken cancellationToken)
    {
        var url = options.Value.PrometheusUrl;
        if (string.IsNullOrWhiteSpace(url))
        {
            return Results.Json(new AlertsAnswer(false, null, null));
        }

        try
        {
            using var client = clients.CreateClient(nameof(ConsoleEndpoints));
            client.Timeout = TimeSpan.FromSeconds(5);
            var body = await client.GetStringAsync(new Uri(new Uri(url.TrimEnd('/') + "/"), "api/v1/alerts"), cancellationToken);
            return Results.Json(new AlertsAnswer(true, url, System.Text.Json.JsonDocument.Parse(body).RootElement));
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            return Results.Json(new ApiError { Code = "Unavailable", Message = $"Prometheus at {url} did not answer: {ex.Message}" },
                statusCode: StatusCodes.Status502BadGateway);
        }
    }

    /// <summary>GET /api/moderation/alerts: whether a Prometheus is configured, its URL, and its /api/v1/alerts answer as it gave it.</summary>
    internal sealed record AlertsAnswer(bool Configured, string? PrometheusUrl, System.Text.Json.JsonElement? Prometheus);
}
