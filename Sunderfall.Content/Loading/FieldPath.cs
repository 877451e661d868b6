namespace Sunderfall.Content.Loading;

/// <summary>Builds the "portals[0] (to-mirefen).targetZone" part of an error.</summary>
internal static class FieldPath
{
    public static string Member(string parent, string field) =>
        parent.Length == 0 ? field : field.Length == 0 ? parent : $"{parent}.{field}";

    public static string Element(string parent, int index, string? label) =>
        string.IsNullOrEmpty(label) ? $"{parent}[{index}]" : $"{parent}[{index}] ({label})";
}
