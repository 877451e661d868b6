using System.Text.Json.Nodes;
using Xunit;

namespace Sunderfall.Content.Tests;

/// <summary>
/// A small, valid content directory in a temp folder - two zones linked by portals, a rat, an ability and two items -
/// that a test breaks in one place before loading it.
/// </summary>
internal sealed class ContentTree : IDisposable
{
    // 6 x 6 tiles of 10 units: floor inside a wall border, with a wall stub at row 3, columns 2-3.
    private const string Meadow = """
        {
          "id": "meadow",
          "name": "Meadow",
          "tileSize": 10,
          "spawn": { "x": 25, "y": 25 },
          "spawnPoints": [ { "monster": "rat", "x": 45, "y": 45, "count": 2 } ],
          "portals": [
            { "id": "to-cellar", "x": 45, "y": 15, "radius": 3, "targetZone": "cellar", "targetX": 15, "targetY": 15 }
          ],
          "tiles": [ "######", "#....#", "#....#", "#.##.#", "#....#", "######" ]
        }
        """;

    // 4 x 4 tiles: 40 x 40 units, floor at columns and rows 1-2.
    private const string Cellar = """
        {
          "id": "cellar",
          "name": "Cellar",
          "spawn": { "x": 15, "y": 25 },
          "portals": [
            { "id": "to-meadow", "x": 25, "y": 25, "radius": 3, "targetZone": "meadow", "targetX": 15, "targetY": 45 }
          ],
          "tiles": [ "####", "#..#", "#..#", "####" ]
        }
        """;

    private const string Vermin = """
        [ { "id": "rat", "name": "Rat", "abilities": [ "nibble" ] } ]
        """;

    private const string Basic = """
        [ { "id": "nibble", "name": "Nibble", "damage": 2 } ]
        """;

    private const string Loot = """
        [
          { "id": "rat-tail", "name": "Rat Tail", "kind": "material", "maxStack": 20 },
          { "id": "cap", "name": "Cap", "kind": "equipment", "slot": "head", "stats": { "armor": 1 } }
        ]
        """;

    private ContentTree(string root) => Root = root;

    public string Root { get; }

    public static ContentTree CreateValid()
    {
        var tree = new ContentTree(Path.Combine(Path.GetTempPath(), "sunderfall-content-tests", Guid.NewGuid().ToString("N")));
        tree.Write("zones/meadow.json", Meadow);
        tree.Write("zones/cellar.json", Cellar);
        tree.Write("monsters/vermin.json", Vermin);
        tree.Write("abilities/basic.json", Basic);
        tree.Write("items/loot.json", Loot);
        return tree;
    }

    /// <summary>Writes (or replaces) a file; the path is relative to the content root and uses '/'.</summary>
    public void Write(string relativePath, string text)
    {
        var path = FullPath(relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public void Delete(string relativePath)
    {
        var path = FullPath(relativePath);
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
        else
        {
            File.Delete(path);
        }
    }

    /// <summary>Changes the zone in zones/{id}.json.</summary>
    public void EditZone(string id, Action<JsonObject> edit) => Edit($"zones/{id}.json", node => edit(node.AsObject()));

    /// <summary>Changes one entry of a file that holds an array of definitions.</summary>
    public void EditEntry(string relativePath, int index, Action<JsonObject> edit) =>
        Edit(relativePath, node => edit(node.AsArray()[index]!.AsObject()));

    /// <summary>Loads the tree, expecting it to be refused, and returns the errors.</summary>
    public IReadOnlyList<string> LoadErrors() =>
        Assert.Throws<ContentValidationException>(() => ContentLoader.Load(Root)).Errors;

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }

    private void Edit(string relativePath, Action<JsonNode> edit)
    {
        var node = JsonNode.Parse(File.ReadAllText(FullPath(relativePath)))!;
        edit(node);
        Write(relativePath, node.ToJsonString());
    }

    private string FullPath(string relativePath) => System.IO.Path.Combine(Root, relativePath.Replace('/', System.IO.Path.DirectorySeparatorChar));
}
