namespace Sunderfall.Content.Loading;

/// <summary>
/// The entries of one kind read so far, and every id claimed - also by entries too broken to use, so that a reference
/// to them is not reported a second time as unknown.
/// </summary>
internal sealed class ContentSet<T>(string folder, string singular)
{
    private readonly List<ContentEntry<T>> entries = [];
    private readonly Dictionary<string, string> claimedAt = new(StringComparer.Ordinal);

    /// <summary>The folder under the content root, also the plural noun: "monsters".</summary>
    public string Folder => folder;

    public IReadOnlyList<ContentEntry<T>> Entries => entries;

    public IEnumerable<string> Ids => claimedAt.Keys;

    public bool Contains(string id) => claimedAt.ContainsKey(id);

    /// <summary>Claims an id for the entry at file and path; false (and an error) when another entry has it.</summary>
    public bool TryClaim(string id, FieldChecker at)
    {
        var here = Where(at);
        if (claimedAt.TryGetValue(id, out var first))
        {
            at.Error("id", $"'{id}' is already defined in {first}; ids must be unique across all {folder} files");
            return false;
        }

        claimedAt.Add(id, here);
        return true;
    }

    public void Add(ContentEntry<T> entry) => entries.Add(entry);

    /// <summary>Reports at the given field when the id names no entry of this kind.</summary>
    public void CheckReference(FieldChecker at, string field, string id)
    {
        if (!Contains(id))
        {
            at.Error(field, $"'{id}' is not {singular}; known {folder}: {ContentText.SortedList(Ids)}");
        }
    }

    private static string Where(FieldChecker at) => at.Path.Length == 0 ? at.File : $"{at.File} {at.Path}";
}
