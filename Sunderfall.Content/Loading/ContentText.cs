using System.Globalization;

namespace Sunderfall.Content.Loading;

/// <summary>Formats values inside error messages the same way everywhere, independent of the culture.</summary>
internal static class ContentText
{
    private const int MostListed = 20;

    public static string Number(float value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Point(float x, float y) => $"({Number(x)}, {Number(y)})";

    /// <summary>A sorted, comma-separated list; long lists are cut so one error stays one readable line.</summary>
    public static string SortedList(IEnumerable<string> values)
    {
        var sorted = values.Order(StringComparer.Ordinal).ToList();
        if (sorted.Count == 0)
        {
            return "none";
        }

        return sorted.Count <= MostListed
            ? string.Join(", ", sorted)
            : $"{string.Join(", ", sorted.Take(MostListed))} and {Number(sorted.Count - MostListed)} more";
    }

    public static string List(IEnumerable<string> values) => string.Join(", ", values);
}
