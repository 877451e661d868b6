using Sunderfall.Content;

namespace Sunderfall.Grains.Tests;

/// <summary>
/// The game content of this checkout (content/ beside Sunderfall.sln), loaded and validated once: the test silos run
/// on the same zones, portals and monsters as the real ones.
/// </summary>
public static class RepositoryContent
{
    private static readonly Lazy<ContentCatalog> Loaded = new(() => ContentLoader.Load(Path.Combine(FindRoot(), "content")));

    public static ContentCatalog Catalog => Loaded.Value;

    private static string FindRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Sunderfall.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName
            ?? throw new InvalidOperationException($"Sunderfall.sln is in no folder above {AppContext.BaseDirectory}.");
    }
}
