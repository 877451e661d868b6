namespace Sunderfall.Silo.Hosting;

/// <summary>Where the game content (zones, monsters, items, abilities) is read from. Section "Content".</summary>
public sealed class ContentOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Content";

    /// <summary>The content folder; relative paths are resolved against the silo's own folder.</summary>
    public string Directory { get; set; } = "content";

    /// <summary>The folder as an absolute path.</summary>
    public string FullPath => Path.IsPathRooted(Directory) ? Directory : Path.Combine(AppContext.BaseDirectory, Directory);
}
