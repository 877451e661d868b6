using Sunderfall.Browser.Tests.Infrastructure;
using Xunit;

namespace Sunderfall.Browser.Tests.WebClient;

/// <summary>The client shows a lost connection and comes back by itself, into the world, when the server returns.</summary>
[Collection(WebClusterDefinition.Name)]
public sealed class ReconnectionTests(WebCluster web)
{
    [Fact]
    public async Task FrontendRestart_ShowsReconnecting_ThenReentersTheWorldByItself()
    {
        // A frontend of its own, so stopping it disturbs no other test.
        var frontend = await web.StartWebFrontendAsync("web-restarted");
        var player = await web.OpenPlayerAsync("R", frontend.HttpUrl + "/");
        try
        {
            await player.RegisterAsync();
            await player.CreateCharacterAndPlayAsync();

            frontend.Kill();
            await player.WaitForAsync("s => s.connection === 'reconnecting'", "show that the connection is lost");
            Assert.Equal("reconnecting", await player.Page.GetAttributeAsync("#connection", "data-state"));

            await web.StartWebFrontendAsync("web-restarted-again", frontend.HttpUrl);
            await player.WaitForAsync("s => s.connection === 'connected' && s.chat.some(l => l.text.startsWith('connection restored'))",
                "reconnect by itself", 60_000);
            await player.WaitForAsync("s => s.inWorld && s.self !== null && s.entities.some(e => e.name === 'Straw Dummy')", "be back in the world");

            // Playing goes on: walking still reaches the server.
            await player.HoldKeyAsync("ArrowDown", 300);
            await player.WaitForAsync("s => s.selfServer && s.selfServer.y > 51", "walk after reconnecting");
            await player.ScreenshotAsync("reconnected");
        }
        catch
        {
            await player.ScreenshotAsync("failure-reconnect");
            throw;
        }
    }
}
