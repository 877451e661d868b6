namespace Sunderfall.Content.Loading;

/// <summary>Every problem found while loading, each reading "file: entry.field: what is wrong; what is allowed".</summary>
internal sealed class ContentErrors
{
    private readonly List<(string File, string Text)> errors = [];

    public int Count => errors.Count;

    /// <summary>The errors grouped by file, in the order they were found within each file.</summary>
    public IReadOnlyList<string> All => [.. errors.OrderBy(e => e.File, StringComparer.Ordinal).Select(e => e.Text)];

    public void Add(string file, string path, string message) =>
        errors.Add((file, path.Length == 0 ? $"{file}: {message}" : $"{file}: {path}: {message}"));
}
