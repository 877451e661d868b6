using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Sunderfall.IntegrationTests.Infrastructure;
using Sunderfall.Protocol;
using Sunderfall.Protocol.Auth;
using Sunderfall.Protocol.Characters;
using Sunderfall.Protocol.Errors;
using Xunit;
using ErrorCode = Sunderfall.Protocol.Errors.ErrorCode;

namespace Sunderfall.IntegrationTests.Security;

/// <summary>
/// A ban or logout normally reaches a live connection through the account grain's in-memory session claim. These
/// tests kill the silo holding that claim first, so only the frontend's periodic re-check against PostgreSQL can close
/// the connection. Each kills a silo, so each runs a cluster of its own, re-checking every 2 s.
/// </summary>
public sealed class SessionRecheckTests : IAsyncLifetime
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    // A few re-check rounds, plus the time a killed silo takes to be declared dead and a call to be answered again.
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private readonly string moderatorName = GameClient.UniqueName("mod");
    private GameCluster cluster = null!;

    public async Task InitializeAsync() => cluster = await GameCluster.StartAsync("recheck", siloCount: 2, frontendOverrides: new Dictionary<string, string>
    {
        ["SUNDERFALL_SessionRecheck__Interval"] = Interval.ToString("c"),
        // A moderator of this cluster's own (the shared cluster's bootstrap admin is registered there already).
        ["SUNDERFALL_Auth__BootstrapAdmins__0"] = moderatorName,
    });

    public async Task DisposeAsync() => await cluster.DisposeAsync();

    [Fact]
    public async Task ABan_AfterTheSiloHoldingTheSessionClaimDied_StillClosesTheLiveConnection_WithKicked()
    {
        var moderator = await cluster.RegisterAsync(moderatorName);
        var player = await cluster.RegisterAsync();
        await using var banned = await cluster.ConnectAsync(account: player);
        await using var bystander = await cluster.ConnectAsync();
        await banned.CreateAndEnterAsync("Banned");
        await bystander.CreateAndEnterAsync("Stays");

        await KillTheSiloHoldingTheSessionOfAsync(player, banned);
        using var http = Authorized(moderator);
        using var ban = await http.PostAsJsonAsync(cluster.Frontend.HttpUrl + $"/api/moderation/accounts/{player.Username}/ban", new { minutes = 60, reason = "botting" });

        Assert.Equal(HttpStatusCode.NoContent, ban.StatusCode);
        Assert.True(
            await GameClient.EventuallyAsync(() => banned.Errors.Any(e => e.Code == ErrorCode.Kicked && e.Message.Contains("botting", StringComparison.Ordinal)), Wait),
            $"the banned player was not told it was banned; errors: {Describe(banned)}\n{cluster.Frontend.Tail()}");
        Assert.True(await GameClient.EventuallyAsync(() => banned.Connection.State == HubConnectionState.Disconnected, Wait), "the banned player stayed connected");
        // The round that closed the banned connection checked the bystander's too, and left it alone.
        Assert.Equal(HubConnectionState.Connected, bystander.Connection.State);
        Assert.DoesNotContain(bystander.Errors, e => e.Code is ErrorCode.Kicked or ErrorCode.SessionEnded);
        Assert.Equal(1, await ClosedByTheRecheckAsync("banned"));
        Assert.Equal(0, await ClosedByTheRecheckAsync("ended"));
    }

    [Fact]
    public async Task ALogout_AfterTheSiloHoldingTheSessionClaimDied_StillClosesTheLiveConnection_WithSessionEnded()
    {
        var player = await cluster.RegisterAsync();
        await using var client = await cluster.ConnectAsync(account: player);
        await client.CreateAndEnterAsync("Leaver");

        await KillTheSiloHoldingTheSessionOfAsync(player, client);
        using var http = Authorized(player);
        using var logout = await http.PostAsync(cluster.Frontend.HttpUrl + "/api/auth/logout", null);

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.True(
            await GameClient.EventuallyAsync(() => client.Errors.Any(e => e.Code == ErrorCode.SessionEnded), Wait),
            $"the player was not told its sign-in ended; errors: {Describe(client)}\n{cluster.Frontend.Tail()}");
        Assert.True(await GameClient.EventuallyAsync(() => client.Connection.State == HubConnectionState.Disconnected, Wait), "the logged-out connection stayed open");
    }

    /// <summary>
    /// Kills the silo where the account grain (which holds the connection's session claim in memory) is active, then
    /// waits until the account answers again from the survivor, a fresh activation that knows no session.
    /// </summary>
    private async Task KillTheSiloHoldingTheSessionOfAsync(AuthResponse account, GameClient client)
    {
        var grain = Orleans.Runtime.GrainId.Create(Orleans.Runtime.GrainType.Create("account"), Orleans.Runtime.GrainIdKeyExtensions.CreateGuidKey(Guid.Parse(account.AccountId)));
        var port = await cluster.FindSiloPortOfAsync(grain);
        Assert.NotNull(port);
        var victim = cluster.Silos.Single(s => s.SiloPort == port).Process;
        victim.Kill();
        Assert.True(victim.HasExited);

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        CallResult<CharacterList>? listed = null;
        while (DateTime.UtcNow < deadline && listed is not { Ok: true })
        {
            listed = await client.Connection.InvokeAsync<CallResult<CharacterList>>(HubNames.ListCharacters);
            if (!listed.Ok)
            {
                await Task.Delay(250);
            }
        }

        Assert.True(listed is { Ok: true }, $"the account never answered after its silo died: {listed?.Error?.Code} {listed?.Error?.Message}");
        Assert.Equal(HubConnectionState.Connected, client.Connection.State);
    }

    /// <summary>The frontend's count of connections the re-check closed for the reason, read from its /metrics.</summary>
    private async Task<double> ClosedByTheRecheckAsync(string reason)
    {
        using var http = new HttpClient();
        var text = await http.GetStringAsync(cluster.Frontend.HttpUrl + "/metrics");
        return text.Split('\n')
            .Where(line => line.StartsWith("sunderfall_frontend_session_recheck_closed_total{", StringComparison.Ordinal)
                && line.Contains($"reason=\"{reason}\"", StringComparison.Ordinal))
            .Sum(line => double.Parse(line[(line.LastIndexOf('}') + 2)..].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static HttpClient Authorized(AuthResponse account)
    {
        var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", account.AccessToken);
        return http;
    }

    private static string Describe(GameClient client) => string.Join("; ", client.Errors.Select(e => $"{e.Code}: {e.Message}"));
}
