using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Sunderfall.Browser.Tests.Infrastructure;
using Sunderfall.IntegrationTests.Infrastructure;
using Xunit;

namespace Sunderfall.Browser.Tests.Console;

/// <summary>
/// The operator console (/console) in real Chromium against the real cluster: a moderator signs in and watches a
/// player enter the world in another page, broadcasts a system message the player reads in chat, mutes the player's
/// chat (the player's next line is refused) and kicks the player, whose page says so; a plain player is turned away.
/// </summary>
[Collection(WebClusterDefinition.Name)]
public sealed class OperatorConsoleTests(WebCluster web)
{
    private const float TimeoutMs = 30_000;
    private static readonly string[] PlayerAndModerator = ["player", "moderator"];

    [Fact]
    public async Task Moderator_SeesAPlayerArrive_BroadcastsToThem_MutesThem_AndKicksThem()
    {
        var moderator = await ModeratorAsync();
        var console = await OpenConsoleAsync();
        var player = await web.OpenPlayerAsync("played");
        try
        {
            await SignInAsync(console, moderator);
            await console.Locator("#console-screen:not(.hidden)").WaitForAsync(new() { Timeout = TimeoutMs });
            // The first poll has been drawn once the silos' table has rows.
            await console.Locator("#silos-table tbody tr").First.WaitForAsync(new() { Timeout = TimeoutMs });
            var before = int.Parse(await console.InnerTextAsync("#players-total"), System.Globalization.CultureInfo.InvariantCulture);

            await player.RegisterAsync();
            await player.CreateCharacterAndPlayAsync();

            await console.WaitForFunctionAsync(
                $"() => Number(document.getElementById('players-total').textContent) > {before}", null, new() { Timeout = TimeoutMs });
            await console.WaitForFunctionAsync(
                "() => [...document.querySelectorAll('#frontends-table tbody tr td:nth-child(2)')].some(td => Number(td.textContent) >= 1)",
                null, new() { Timeout = TimeoutMs });

            var text = "The tavern opens at dusk " + Guid.NewGuid().ToString("N")[..6];
            await console.FillAsync("#broadcast-text", text);
            await console.ClickAsync("#broadcast-send");
            await console.Locator("#broadcast-result", new() { HasTextString = "sent to" }).WaitForAsync(new() { Timeout = TimeoutMs });
            await player.WaitForAsync($"s => s.chat.some(l => l.channel === 'system' && l.text === '{text}')", "read the broadcast on the system channel");
            await player.Page.Locator("#chat-log li", new() { HasTextString = text }).WaitForAsync(new() { Timeout = TimeoutMs });

            await console.FillAsync("#search-username", player.Username);
            await console.ClickAsync("#search-submit");
            await console.Locator("#account-title", new() { HasTextString = player.Username }).WaitForAsync(new() { Timeout = TimeoutMs });
            await console.Locator("#characters-table tbody tr", new() { HasTextString = player.CharacterName }).WaitForAsync(new() { Timeout = TimeoutMs });
            Assert.True(await console.Locator("#roles-editor").IsHiddenAsync(), "a moderator must not see the roles editor");
            await console.FillAsync("#action-reason", "testing the console");
            await console.ClickAsync("#mute-button");
            await console.Locator("#action-result", new() { HasTextString = "chat muted until" }).WaitForAsync(new() { Timeout = TimeoutMs });
            await player.SayAsync("zone", "can anyone hear me");
            await player.Page.Locator("#chat-log li", new() { HasTextString = "you are muted until" }).WaitForAsync(new() { Timeout = TimeoutMs });

            await console.ClickAsync("#kick-button");
            await console.Locator("#action-result", new() { HasTextString = "kicked" }).WaitForAsync(new() { Timeout = TimeoutMs });

            await player.Page.Locator("#login-screen:not(.hidden)").WaitForAsync(new() { Timeout = TimeoutMs });
            Assert.Contains("kicked by a moderator: testing the console", await player.Page.InnerTextAsync("#login-error"), StringComparison.Ordinal);
        }
        finally
        {
            await console.ScreenshotAsync(new() { Path = Path.Combine(WebCluster.ArtifactDirectory, "console.png"), FullPage = true });
            await console.Context.CloseAsync();
            await player.Page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task PlainPlayer_IsTurnedAwayWithAClearMessage()
    {
        var account = await web.Cluster.RegisterAsync();
        var console = await OpenConsoleAsync();
        try
        {
            await SignInAsync(console, account);

            await console.Locator("#signin-error", new() { HasTextString = "neither the moderator nor the admin role" }).WaitForAsync(new() { Timeout = TimeoutMs });
            Assert.True(await console.Locator("#console-screen").IsHiddenAsync());
        }
        finally
        {
            await console.Context.CloseAsync();
        }
    }

    private async Task<IPage> OpenConsoleAsync()
    {
        var context = await web.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(web.Web.HttpUrl + "/console");
        return page;
    }

    private static async Task SignInAsync(IPage console, Sunderfall.Protocol.Auth.AuthResponse account)
    {
        await console.FillAsync("#signin-username", account.Username);
        await console.FillAsync("#signin-password", GameCluster.TestPassword);
        await console.ClickAsync("#signin-submit");
    }

    private async Task<Sunderfall.Protocol.Auth.AuthResponse> ModeratorAsync()
    {
        // The bootstrap admin may already exist in this database (another test project registered it): sign it in then.
        Sunderfall.Protocol.Auth.AuthResponse admin;
        try
        {
            admin = await web.Cluster.AdminAsync();
        }
        catch (InvalidOperationException)
        {
            admin = await web.Cluster.LoginAsync(GameCluster.BootstrapAdmin);
        }

        var account = await web.Cluster.RegisterAsync();
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", admin.AccessToken);
        using var promoted = await http.PutAsJsonAsync(web.Cluster.Frontend.HttpUrl + $"/api/admin/accounts/{account.Username}/roles", new { roles = PlayerAndModerator });
        promoted.EnsureSuccessStatusCode();
        return account;
    }
}
