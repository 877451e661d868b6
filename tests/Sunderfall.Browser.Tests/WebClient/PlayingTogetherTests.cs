using System.Globalization;
using Microsoft.Playwright;
using Sunderfall.Browser.Tests.Infrastructure;
using Sunderfall.IntegrationTests.Infrastructure;
using Xunit;

namespace Sunderfall.Browser.Tests.WebClient;

/// <summary>
/// Two people play the browser client together on a real cluster in real Chromium: they sign up, create characters,
/// see each other walk, fight, loot, form a party and talk, then hand over the lead, kick and disband. A screenshot of
/// the game is kept as an artifact.
/// </summary>
[Collection(WebClusterDefinition.Name)]
public sealed class PlayingTogetherTests(WebCluster web)
{
    [Fact]
    public async Task TwoPlayers_SignUpWalkFightLootPartyAndChat_InTheBrowser()
    {
        var ash = await web.OpenPlayerAsync("A");
        var bram = await web.OpenPlayerAsync("B");
        try
        {
            // Sign up and enter the world through the UI.
            await ash.RegisterAsync();
            await bram.RegisterAsync();
            await ash.CreateCharacterAndPlayAsync();
            await bram.CreateCharacterAndPlayAsync();
            await ash.WaitForAsync($"s => s.entities.some(e => e.name === '{bram.CharacterName}') && s.visibleNames.includes('{bram.CharacterName}')", "see B arrive");

            // B walks east with the keyboard; A sees B's character move.
            var bramBefore = await XOfAsync(ash, bram.CharacterName);
            await bram.HoldKeyAsync("ArrowRight", 400);
            await bram.WaitForAsync("s => s.self.x > 55", "walk east (predicted)");
            await ash.WaitForAsync($"s => s.entities.some(e => e.name === '{bram.CharacterName}' && e.x > {Num(bramBefore + 5)})", "see B walk east");

            // A clicks the dummy to target it and strikes with hotkey 1; the kill pays gold and a wolf pelt.
            await ash.ClickEntityAsync(ProvingGrounds.Dummy);
            await ash.WaitForAsync($"s => s.target && s.target.name === '{ProvingGrounds.Dummy}'", "target the dummy");
            await ash.Page.Keyboard.PressAsync("Digit1");
            await ash.WaitForAsync("s => s.cooldowns.includes('strike')", "see strike's cooldown start");
            await ash.WaitForAsync($"s => s.sheet.gold >= {ProvingGrounds.GoldPerKill} && s.sheet.bag.some(i => i.itemId === '{ProvingGrounds.Loot}')",
                "receive the dummy's loot", 60_000);
            await ash.Page.Locator("#bag li[data-item='wolf-pelt']").WaitForAsync();
            Assert.Contains("Wolf Pelt", await ash.Page.InnerTextAsync("#bag"), StringComparison.Ordinal);
            Assert.Contains($"{ProvingGrounds.GoldPerKill} gold", await ash.Page.InnerTextAsync("#gold"), StringComparison.Ordinal);
            var ashState = await ash.StateAsync();
            Assert.Contains(ashState.GetProperty("combatLog").EnumerateArray(), line => line.GetString()!.Contains($"hits {ProvingGrounds.Dummy}", StringComparison.Ordinal));

            // A invites B by name through the party panel; B accepts.
            await ash.Page.FillAsync("#party-name", bram.CharacterName);
            await ash.Page.ClickAsync("#party-invite-button");
            await bram.Page.Locator("#party-invite:not(.hidden)").WaitForAsync();
            await bram.Page.ClickAsync("#party-accept");
            await ash.WaitForAsync("s => s.party && s.party.members.length === 2", "see B join the party");
            await bram.WaitForAsync("s => s.party && s.party.members.length === 2", "be in A's party");
            Assert.Contains(bram.CharacterName, await ash.Page.InnerTextAsync("#party-members"), StringComparison.Ordinal);

            // A says hello in the zone; B answers in the party channel.
            await ash.SayAsync("zone", "Well met, traveller");
            await bram.WaitForAsync($"s => s.chat.some(l => l.from === '{ash.CharacterName}' && l.text === 'Well met, traveller')", "read A's line");
            await bram.SayAsync("party", "Lead the way");
            await ash.WaitForAsync($"s => s.chat.some(l => l.channel === 'party' && l.from === '{bram.CharacterName}' && l.text === 'Lead the way')", "read B's party line");
            Assert.Contains("Lead the way", await ash.Page.InnerTextAsync("#chat-log"), StringComparison.Ordinal);

            await ash.ScreenshotAsync("sunderfall-game");

            // A hands the lead to B with the Lead button beside B's name; B, leading now, removes A with Kick, then
            // disbands what is left.
            var bramLeads = $"s => s.party && s.party.members.some(m => m.id === s.party.leaderId && m.name === '{bram.CharacterName}')";
            await ash.Page.ClickAsync($"#party-members li[data-name='{bram.CharacterName}'] button.promote");
            await bram.WaitForAsync(bramLeads, "lead the party");
            await ash.WaitForAsync(bramLeads, "see B lead the party");
            await ash.Page.Locator("#party-members button.kick").WaitForAsync(new() { State = WaitForSelectorState.Detached });
            await bram.Page.ClickAsync($"#party-members li[data-name='{ash.CharacterName}'] button.kick");
            await ash.WaitForAsync("s => !s.party", "be removed from the party");
            await bram.WaitForAsync("s => s.party && s.party.members.length === 1", "see A removed");
            await bram.Page.ClickAsync("#party-disband");
            await bram.WaitForAsync("s => !s.party", "disband the party");
            Assert.Contains("Not in a party", await bram.Page.InnerTextAsync("#party-members"), StringComparison.Ordinal);

            Assert.Empty(ash.PageErrors);
            Assert.Empty(bram.PageErrors);
        }
        catch
        {
            await ash.ScreenshotAsync("failure-player-a");
            await bram.ScreenshotAsync("failure-player-b");
            throw;
        }
    }

    private static async Task<float> XOfAsync(PlayerPage viewer, string name)
    {
        var state = await viewer.StateAsync();
        return state.GetProperty("entities").EnumerateArray().First(e => e.GetProperty("name").GetString() == name).GetProperty("x").GetSingle();
    }

    private static string Num(float value) => value.ToString(CultureInfo.InvariantCulture);
}
