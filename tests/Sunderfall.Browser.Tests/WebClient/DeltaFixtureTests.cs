using System.Text.Json;
using Sunderfall.IntegrationTests.Infrastructure;
using Sunderfall.Protocol.Sync;
using Xunit;

namespace Sunderfall.Browser.Tests.WebClient;

/// <summary>
/// The browser client's TypeScript port of WorldView is tested (vitest) against payloads this repository's C#
/// DeltaEncoder wrote: Sunderfall.Web/test/fixtures/world-deltas.json. This test re-encodes the same scenario and
/// fails when the encoder's output no longer matches the file, so the two sides cannot drift apart silently.
/// Rewrite the file with SUNDERFALL_UPDATE_FIXTURES=1 after a deliberate format change (and fix the port).
/// </summary>
public sealed class DeltaFixtureTests
{
    private static readonly string FixturePath =
        Path.Combine(TestEnvironment.RepoRoot, "Sunderfall.Web", "test", "fixtures", "world-deltas.json");

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    [Fact]
    public void DeltaEncoder_Payloads_MatchTheWebClientFixture()
    {
        var json = Generate();
        if (Environment.GetEnvironmentVariable("SUNDERFALL_UPDATE_FIXTURES") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(FixturePath)!);
            File.WriteAllText(FixturePath, json);
        }

        Assert.True(File.Exists(FixturePath), $"{FixturePath} is missing: run this test with SUNDERFALL_UPDATE_FIXTURES=1");
        Assert.Equal(json, File.ReadAllText(FixturePath).ReplaceLineEndings("\n"));
    }

    /// <summary>Ticks of a small world: spawns, walks, fights, a renamed net id, a far walk out of view, a reset.</summary>
    private static string Generate()
    {
        var encoder = new DeltaEncoder();
        var view = new WorldView();
        var steps = new List<object>();

        void Tick(string note, params VisibleEntity[] visible)
        {
            var payload = encoder.Encode(visible);
            view.Apply(payload);
            var known = new List<VisibleEntity>();
            view.CopyTo(known);
            steps.Add(new
            {
                note,
                payload = Convert.ToBase64String(payload),
                entities = known.OrderBy(e => e.NetId).Select(e => new
                {
                    netId = e.NetId, kind = (int)e.Kind, name = e.Name, x = e.X, y = e.Y, health = e.Health, maxHealth = e.MaxHealth,
                }),
            });
        }

        static VisibleEntity P(int id, string name, float x, float y, int health = 100, int max = 100, EntityKind kind = EntityKind.Player) =>
            new(id, kind, name, x, y, health, max);

        Tick("first payload resets and spawns", P(1, "Ash", 50, 50), P(2, "Straw Dummy", 52, 50, 1, 1, EntityKind.Monster), P(7, "Ölmaß ☀", 10.03f, 99.97f, 5, 9, EntityKind.Npc));
        Tick("nothing changed", P(1, "Ash", 50, 50), P(2, "Straw Dummy", 52, 50, 1, 1, EntityKind.Monster), P(7, "Ölmaß ☀", 10.03f, 99.97f, 5, 9, EntityKind.Npc));
        Tick("a walk east", P(1, "Ash", 52.5f, 50), P(2, "Straw Dummy", 52, 50, 1, 1, EntityKind.Monster), P(7, "Ölmaß ☀", 10.03f, 99.97f, 5, 9, EntityKind.Npc));
        Tick("damage and a max health change", P(1, "Ash", 52.5f, 49.75f, 80, 100), P(2, "Straw Dummy", 52, 50, 0, 1, EntityKind.Monster), P(7, "Ölmaß ☀", 10.03f, 99.97f, 5, 12, EntityKind.Npc));
        Tick("the dummy despawns, a player arrives", P(1, "Ash", 52.5f, 49.75f, 80, 100), P(7, "Ölmaß ☀", 10.03f, 99.97f, 5, 12, EntityKind.Npc), P(3, "Bram", 0, 0));
        Tick("net id 3 now names another entity", P(1, "Ash", 52.5f, 49.75f, 80, 100), P(7, "Ölmaß ☀", 10.03f, 99.97f, 5, 12, EntityKind.Npc), P(3, "Wolf", 1, 1, 40, 40, EntityKind.Monster));
        Tick("long moves both ways and big numbers", P(1, "Ash", -1000.5f, 123456.25f, 80, 100), P(7, "Ölmaß ☀", 10.03f, 99.97f, 2_000_000_000, 2_000_000_000, EntityKind.Npc), P(3, "Wolf", 1, 1, 40, 40, EntityKind.Monster));
        Tick("everything leaves the view but the player", P(1, "Ash", -1000.5f, 123456.25f, 80, 100));
        encoder.Reset();
        Tick("after a lost payload the encoder resets the client", P(1, "Ash", 5, 5), P(300_000, "Far", 6, 6, 1, 2, EntityKind.Monster));
        Tick("an empty view", []);

        return JsonSerializer.Serialize(steps, Json)
            .ReplaceLineEndings("\n") + "\n";
    }
}
