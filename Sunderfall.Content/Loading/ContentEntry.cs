namespace Sunderfall.Content.Loading;

/// <summary>A definition read from a file, with where it came from so later checks can name it.</summary>
internal sealed record ContentEntry<T>(string File, string Path, string Id, T Definition)
{
    public FieldChecker Checker(ContentErrors errors) => new(errors, File, Path);
}
