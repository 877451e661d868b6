namespace Sunderfall.Content.Tests;

/// <summary>The checkout under test: the closest folder above the test binaries that holds Sunderfall.sln.</summary>
internal static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string Path => Root.Value;

    private static string FindRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(System.IO.Path.Combine(folder.FullName, "Sunderfall.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName
            ?? throw new InvalidOperationException($"Sunderfall.sln is in no folder above {AppContext.BaseDirectory}.");
    }
}
