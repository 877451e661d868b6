namespace Sunderfall.IntegrationTests.Infrastructure;

/// <summary>
/// The repository's content plus the test zone "proving-grounds" (TestContent/): characters start beside a straw
/// dummy that dies to one strike and always pays 10 experience, 3 gold and 1 wolf pelt, and is back a second later.
/// </summary>
public static class ProvingGrounds
{
    public const string Zone = "proving-grounds";

    public const string Dummy = "Straw Dummy";

    public const long GoldPerKill = 3;

    public const long ExperiencePerKill = 10;

    public const string Loot = "wolf-pelt";

    /// <summary>A fresh content directory holding both, for one cluster.</summary>
    public static string CreateContentDirectory()
    {
        var target = Directory.CreateTempSubdirectory("sunderfall-content-").FullName;
        Copy(Path.Combine(TestEnvironment.RepoRoot, "content"), target);
        Copy(Path.Combine(TestEnvironment.RepoRoot, "tests", "Sunderfall.IntegrationTests", "TestContent"), target);
        return target;
    }

    /// <summary>Silo settings for a cluster whose characters start in the proving grounds.</summary>
    public static Dictionary<string, string> SiloSettings(string contentDirectory) => new()
    {
        ["SUNDERFALL_Content__Directory"] = contentDirectory,
        ["SUNDERFALL_World__StartZone"] = Zone,
    };

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*.json", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }
    }
}
