using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Sunderfall.Content.Loading;

/// <summary>
/// Compares a JSON value with the shape of the record it will become - unknown, repeated and missing fields, wrong
/// kinds of value - and reports each problem, where the serializer would stop at the first.
/// </summary>
internal static class JsonShape
{
    private const int MostQuoted = 30;

    /// <summary>True when the value can be deserialized as <paramref name="type"/>.</summary>
    public static bool Check(JsonElement element, JsonTypeInfo type, FieldChecker at)
    {
        var before = at.ErrorCount;
        Walk(element, type, at);
        return at.ErrorCount == before;
    }

    /// <summary>What names an entry in an error: its id, or for a spawn point the monster it spawns.</summary>
    public static string? Label(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var name in new[] { "id", "monster" })
        {
            if (element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
            {
                return value.GetString();
            }
        }

        return null;
    }

    private static void Walk(JsonElement element, JsonTypeInfo type, FieldChecker at)
    {
        if (element.ValueKind == JsonValueKind.Null)
        {
            at.Error($"is null; expected {Expected(type)}");
            return;
        }

        switch (type.Kind)
        {
            case JsonTypeInfoKind.Object:
                WalkObject(element, type, at);
                break;
            case JsonTypeInfoKind.Enumerable:
                WalkArray(element, type, at);
                break;
            case JsonTypeInfoKind.Dictionary:
                WalkDictionary(element, type, at);
                break;
            default:
                WalkValue(element, type, at);
                break;
        }
    }

    private static void WalkObject(JsonElement element, JsonTypeInfo type, FieldChecker at)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            at.Error($"expected an object; found {Describe(element)}");
            return;
        }

        // Computed properties (ZoneDefinition.Width) can be read but not written, so they are not fields of the file.
        var fields = type.Properties.Where(p => p.Set is not null || p.AssociatedParameter is not null).ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (!seen.Add(property.Name))
            {
                at.Error(property.Name, "appears more than once; give each field once");
                continue;
            }

            var field = fields.Find(f => f.Name == property.Name);
            if (field is null)
            {
                at.Error(property.Name, $"is not a known field; allowed: {ContentText.List(fields.Select(f => f.Name))}");
                continue;
            }

            Walk(property.Value, ContentJson.TypeInfo(field.PropertyType), at.Member(property.Name));
        }

        foreach (var field in fields.Where(f => IsRequired(f) && !seen.Contains(f.Name)))
        {
            at.Error(field.Name, $"is missing; it is required ({Expected(ContentJson.TypeInfo(field.PropertyType))})");
        }
    }

    private static void WalkArray(JsonElement element, JsonTypeInfo type, FieldChecker at)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            at.Error($"expected an array; found {Describe(element)}");
            return;
        }

        var itemType = ContentJson.TypeInfo(type.ElementType!);
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            Walk(item, itemType, at.Element(index, Label(item)));
            index++;
        }
    }

    private static void WalkDictionary(JsonElement element, JsonTypeInfo type, FieldChecker at)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            at.Error($"expected an object; found {Describe(element)}");
            return;
        }

        var valueType = ContentJson.TypeInfo(type.ElementType!);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (!seen.Add(property.Name))
            {
                at.Error(property.Name, "appears more than once; give each key once");
                continue;
            }

            Walk(property.Value, valueType, at.Member(property.Name));
        }
    }

    private static void WalkValue(JsonElement element, JsonTypeInfo type, FieldChecker at)
    {
        var t = type.Type;
        if (t == typeof(string))
        {
            if (element.ValueKind != JsonValueKind.String)
            {
                at.Error($"expected a string; found {Describe(element)}");
            }
        }
        else if (t == typeof(int))
        {
            if (element.ValueKind != JsonValueKind.Number)
            {
                at.Error($"expected a whole number; found {Describe(element)}");
            }
            else if (!element.TryGetInt32(out _))
            {
                var whole = element.TryGetDecimal(out var d) && decimal.Truncate(d) == d;
                at.Error(whole
                    ? $"{element.GetRawText()} is too large; allowed {int.MinValue}..{int.MaxValue}"
                    : $"{element.GetRawText()} is not a whole number");
            }
        }
        else if (t == typeof(float))
        {
            if (element.ValueKind != JsonValueKind.Number)
            {
                at.Error($"expected a number; found {Describe(element)}");
            }
            else if (!element.TryGetSingle(out var value) || !float.IsFinite(value))
            {
                at.Error($"{element.GetRawText()} is too large for a number here");
            }
        }
        else if (t == typeof(bool))
        {
            if (element.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                at.Error($"expected true or false; found {Describe(element)}");
            }
        }
    }

    private static bool IsRequired(JsonPropertyInfo field) =>
        field.IsRequired || field.AssociatedParameter is { HasDefaultValue: false };

    private static string Expected(JsonTypeInfo type) => type.Kind switch
    {
        JsonTypeInfoKind.Object or JsonTypeInfoKind.Dictionary => "an object",
        JsonTypeInfoKind.Enumerable => "an array",
        _ when type.Type == typeof(string) => "a string",
        _ when type.Type == typeof(int) => "a whole number",
        _ when type.Type == typeof(bool) => "true or false",
        _ => "a number",
    };

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => $"a string (\"{Shorten(element.GetString() ?? "")}\")",
        JsonValueKind.Number => $"a number ({Shorten(element.GetRawText())})",
        JsonValueKind.True or JsonValueKind.False => element.GetRawText(),
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => "null",
    };

    private static string Shorten(string text) => text.Length <= MostQuoted ? text : $"{text[..MostQuoted]}...";
}
