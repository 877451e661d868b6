using System.Text.Json;
using Microsoft.Playwright;
using Sunderfall.IntegrationTests.Infrastructure;

namespace Sunderfall.Browser.Tests.Infrastructure;

/// <summary>
/// One player's browser page, driven through the UI as a person would (typing, clicking, keys); assertions read the
/// page's read-only <c>window.sunderfall.state</c> snapshot and its panels.
/// </summary>
public sealed class PlayerPage(string label, IPage page)
{
    private static readonly float TimeoutMs = 30_000;

    public string Label { get; } = label;

    public IPage Page { get; } = page;

    public string Username { get; } = "web" + Guid.NewGuid().ToString("N")[..10];

    public string CharacterName { get; } = "Hero" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>Uncaught script errors and console errors of the page.</summary>
    public List<string> PageErrors { get; } = [];

    public async Task RegisterAsync()
    {
        Page.PageError += (_, error) => PageErrors.Add(error);
        Page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                PageErrors.Add($"{message.Text} ({message.Location})");
            }
        };
        await Page.FillAsync("#login-username", Username);
        await Page.FillAsync("#login-email", Username + "@example.test");
        await Page.FillAsync("#login-password", GameCluster.TestPassword);
        await Page.ClickAsync("#login-register");
        await Page.WaitForSelectorAsync("#characters-screen:not(.hidden)", new() { Timeout = TimeoutMs });
    }

    public async Task CreateCharacterAndPlayAsync(string characterClass = "warrior")
    {
        await Page.FillAsync("#create-name", CharacterName);
        await Page.SelectOptionAsync("#create-class", characterClass);
        await Page.ClickAsync("#create-submit");
        var row = Page.Locator($"#character-list li[data-name='{CharacterName}']");
        await row.WaitForAsync(new() { Timeout = TimeoutMs });
        await row.Locator("button.play").ClickAsync();
        await WaitForAsync("s => s.screen === 'game' && s.inWorld && s.self !== null && s.sheet !== null && s.connection === 'connected'", "enter the world");
    }

    public async Task<JsonElement> StateAsync() => await Page.EvaluateAsync<JsonElement>("() => window.sunderfall.state");

    /// <summary>Waits until the predicate (JavaScript, given the state snapshot) holds; fails naming what it waited for.</summary>
    public async Task WaitForAsync(string predicate, string what, float? timeoutMs = null)
    {
        try
        {
            await Page.WaitForFunctionAsync($"() => ({predicate})(window.sunderfall.state)", null,
                new() { Timeout = timeoutMs ?? TimeoutMs, PollingInterval = 100 });
        }
        catch (TimeoutException)
        {
            var state = await StateAsync();
            throw new TimeoutException($"{Label} did not {what} ({predicate}) within {(timeoutMs ?? TimeoutMs) / 1000} s; state: {Summarize(state)}");
        }
    }

    /// <summary>Holds a key for a while, as a player walking does.</summary>
    public async Task HoldKeyAsync(string key, int milliseconds)
    {
        await Page.Locator("#world").FocusAsync();
        await Page.Keyboard.DownAsync(key);
        await Task.Delay(milliseconds);
        await Page.Keyboard.UpAsync(key);
    }

    /// <summary>Clicks where the canvas draws the named entity.</summary>
    public async Task ClickEntityAsync(string name)
    {
        var point = await Page.EvaluateAsync<JsonElement>("name => window.sunderfall.screenOf(name)", name);
        if (point.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidOperationException($"{Label} does not draw {name}: {Summarize(await StateAsync())}");
        }

        await Page.Locator("#world").ClickAsync(new()
        {
            Position = new Position { X = point.GetProperty("x").GetSingle(), Y = point.GetProperty("y").GetSingle() },
        });
    }

    public async Task SayAsync(string channel, string text)
    {
        await Page.SelectOptionAsync("#chat-channel", channel);
        await Page.FillAsync("#chat-text", text);
        await Page.PressAsync("#chat-text", "Enter");
    }

    public async Task ScreenshotAsync(string name) =>
        await Page.ScreenshotAsync(new() { Path = Path.Combine(WebCluster.ArtifactDirectory, name + ".png") });

    /// <summary>The state without the character sheet, for failure messages.</summary>
    public static string Summarize(JsonElement state)
    {
        var parts = state.ValueKind == JsonValueKind.Object
            ? state.EnumerateObject().Where(p => p.Name is not ("sheet" or "$id")).Select(p => $"{p.Name}={p.Value}")
            : [state.ToString()];
        var text = string.Join(", ", parts);
        return text.Length > 4000 ? text[..4000] + "…" : text;
    }
}
