using System.Text.RegularExpressions;

namespace Sunderfall.Content.Loading;

/// <summary>Checks the fields of one entry (or part of one) and reports failures at its file and path.</summary>
internal sealed partial class FieldChecker(ContentErrors errors, string file, string path)
{
    public string File => file;

    public string Path => path;

    public int ErrorCount => errors.Count;

    public FieldChecker Member(string field) => new(errors, file, FieldPath.Member(path, field));

    public FieldChecker Element(int index, string? label) => new(errors, file, FieldPath.Element(path, index, label));

    public void Error(string message) => errors.Add(file, path, message);

    public void Error(string field, string message) => errors.Add(file, FieldPath.Member(path, field), message);

    public void Id(string field, string value)
    {
        if (!IdPattern().IsMatch(value))
        {
            Error(field, $"'{value}' is not a valid id; allowed 1-32 characters from a-z, 0-9 and '-'");
        }
    }

    public void Name(string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Error("name", "is empty; give a display name");
        }
    }

    public void Range(string field, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            Error(field, $"{ContentText.Number(value)} is out of range; allowed {ContentText.Number(min)}..{ContentText.Number(max)}");
        }
    }

    public void Range(string field, float value, float min, float max, string? why = null)
    {
        // Written so that NaN fails too.
        if (!(value >= min && value <= max))
        {
            var reason = why is null ? "" : $" ({why})";
            Error(field, $"{ContentText.Number(value)} is out of range; allowed {ContentText.Number(min)}..{ContentText.Number(max)}{reason}");
        }
    }

    public void OneOf(string field, string value, IReadOnlyList<string> allowed, string noun)
    {
        if (!allowed.Contains(value, StringComparer.Ordinal))
        {
            Error(field, $"'{value}' is not {noun}; allowed: {ContentText.List(allowed)}");
        }
    }

    [GeneratedRegex("^[a-z0-9-]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
