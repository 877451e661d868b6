namespace Sunderfall.Frontend.WebClient;

/// <summary>
/// Where the frontend reads the game content it serves to the browser client (zone maps, ability and item names).
/// Section "Content", the same key the silos read, so one setting points both at the same folder.
/// </summary>
public sealed class ContentOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Content";

    /// <summary>The content folder; relative paths are resolved against the frontend's own folder.</summary>
    public string Directory { get; set; } = "content";

    /// <summary>The folder as an absolute path.</summary>
    public string FullPath => Path.IsPathRooted(Directory) ? Directory : Path.Combine(AppContext.BaseDirectory, Directory);
}
