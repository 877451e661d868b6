using System.Text.Json;
using System.Text.Json.Nodes;
using Sunderfall.LoadTest.Engine;

namespace Sunderfall.LoadTest.Cluster;

/// <summary>
/// A copy of the game content for one scenario: every zone's population cap set so channels hold what the scenario
/// needs (35 for spread, combat and churn; 10,000 for crowd, one instance); for combat extra wolf packs around the
/// start zone's spawn, so parties find monsters within a few seconds' walk; no monsters in the other scenarios.
/// </summary>
public static class ContentGenerator
{
    /// <summary>Players per zone instance in the spread, combat and churn scenarios.</summary>
    public const int SpreadCap = 35;

    /// <summary>The crowd's cap: the content's largest allowed, so every bot shares one instance.</summary>
    public const int CrowdCap = 10_000;

    private static readonly JsonDocumentOptions Lenient = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static void Generate(string source, string target, Scenario scenario, string startZone = "ashen-vale")
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source, "*.json", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            var destination = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            if (!relative.StartsWith("zones", StringComparison.Ordinal))
            {
                File.Copy(file, destination, overwrite: true);
                continue;
            }

            var zone = JsonNode.Parse(File.ReadAllText(file), documentOptions: Lenient)!.AsObject();
            zone["populationCap"] = scenario == Scenario.Crowd ? CrowdCap : SpreadCap;
            if (scenario == Scenario.Combat)
            {
                if ((string?)zone["id"] == startZone)
                {
                    AddWolfPacks(zone);
                }
            }
            else
            {
                // Bots that walk the whole zone would be killed by its wolves, and a dead player's moves are refused
                // (Dead): the game failing them, not the server. The relay has no monsters either.
                zone["spawnPoints"] = new JsonArray();
            }

            File.WriteAllText(destination, zone.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        }
    }

    private static void AddWolfPacks(JsonObject zone)
    {
        var spawn = zone["spawn"]!;
        var (x, y) = ((double)spawn["x"]!, (double)spawn["y"]!);
        var points = zone["spawnPoints"]?.AsArray() ?? [];
        for (var i = 0; i < 8; i++)
        {
            var angle = i * Math.PI / 4;
            points.Add(new JsonObject
            {
                ["monster"] = "wolf",
                ["x"] = Math.Round(x + (30 * Math.Cos(angle))),
                ["y"] = Math.Round(y + (30 * Math.Sin(angle))),
                ["count"] = 4,
                ["radius"] = 8,
                ["respawnSeconds"] = 5,
            });
        }

        zone["spawnPoints"] = points;
    }
}
