using System.Text.Json;
using Sunderfall.Content.Definitions;

namespace Sunderfall.Content.Loading;

/// <summary>
/// Reads the files under the content root into definitions. A file that is not JSON, or an entry that does not have the
/// shape of its record, is reported and left out; the rest of the files are still read so every problem is found.
/// </summary>
internal sealed class ContentFileReader(string root, ContentErrors errors)
{
    private const string JsonExtension = ".json";

    /// <summary>zones/{id}.json, one zone per file, the file named after the zone.</summary>
    public ContentSet<ZoneDefinition> ReadZones()
    {
        var zones = new ContentSet<ZoneDefinition>("zones", "a zone");
        var files = JsonFiles(zones.Folder);
        if (files is null)
        {
            errors.Add("zones/", "", "the folder is missing; at least one zone file zones/{id}.json is required");
            return zones;
        }

        if (files.Count == 0)
        {
            errors.Add("zones/", "", "holds no zone files; at least one zone file zones/{id}.json is required");
            return zones;
        }

        foreach (var (file, fullPath) in files)
        {
            using var document = Parse(fullPath, file);
            if (document is null)
            {
                continue;
            }

            var at = new FieldChecker(errors, file, "");
            var element = document.RootElement;
            if (element.ValueKind != JsonValueKind.Object)
            {
                at.Error("the file must hold one zone as a JSON object; found " + Kind(element));
                continue;
            }

            var fileId = Path.GetFileNameWithoutExtension(fullPath);
            var id = IdOf(element);
            if (id is not null && !string.Equals(id, fileId, StringComparison.Ordinal))
            {
                at.Error("id", $"'{id}' does not match the file name; a zone's id must equal its file name ('{fileId}')");
            }

            ReadEntry(element, at, zones);
        }

        return zones;
    }

    /// <summary>{folder}/*.json, each file an array of definitions; a folder that is absent holds none.</summary>
    public ContentSet<T> ReadLists<T>(string folder, string singular)
    {
        var set = new ContentSet<T>(folder, singular);
        foreach (var (file, fullPath) in JsonFiles(folder) ?? [])
        {
            using var document = Parse(fullPath, file);
            if (document is null)
            {
                continue;
            }

            var element = document.RootElement;
            if (element.ValueKind != JsonValueKind.Array)
            {
                errors.Add(file, "", $"the file must hold a JSON array of {folder}; found {Kind(element)}");
                continue;
            }

            var index = 0;
            foreach (var item in element.EnumerateArray())
            {
                ReadEntry(item, new FieldChecker(errors, file, "").Element(index, JsonShape.Label(item)), set);
                index++;
            }
        }

        return set;
    }

    private static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => "a single value",
    };

    private static string? IdOf(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty("id", out var id)
        && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;

    private static void ReadEntry<T>(JsonElement element, FieldChecker at, ContentSet<T> set)
    {
        var id = IdOf(element);
        var unique = id is null || set.TryClaim(id, at);
        var wellFormed = JsonShape.Check(element, ContentJson.TypeInfo(typeof(T)), at);
        if (id is null || !unique || !wellFormed)
        {
            return;
        }

        try
        {
            var definition = element.Deserialize<T>(ContentJson.Options)!;
            set.Add(new ContentEntry<T>(at.File, at.Path, id, definition));
        }
        catch (JsonException exception)
        {
            // The shape check should have caught this; report it rather than fail the whole load on one entry.
            at.Error($"cannot be read ({exception.Path}): {ContentJson.Describe(exception)}");
        }
    }

    private JsonDocument? Parse(string fullPath, string file)
    {
        string text;
        try
        {
            text = File.ReadAllText(fullPath);
        }
        catch (IOException exception)
        {
            errors.Add(file, "", $"cannot be read: {exception.Message}");
            return null;
        }
        catch (UnauthorizedAccessException exception)
        {
            errors.Add(file, "", $"cannot be read: {exception.Message}");
            return null;
        }

        try
        {
            return JsonDocument.Parse(text, ContentJson.DocumentOptions);
        }
        catch (JsonException exception)
        {
            var line = (exception.LineNumber ?? 0) + 1;
            var position = (exception.BytePositionInLine ?? 0) + 1;
            errors.Add(file, "", $"invalid JSON at line {line}, position {position}: {ContentJson.Describe(exception)}");
            return null;
        }
    }

    /// <summary>The folder's *.json files (not its subfolders), in ordinal order; null when the folder is absent.</summary>
    private List<(string File, string FullPath)>? JsonFiles(string folder)
    {
        var directory = Path.Combine(root, folder);
        if (!Directory.Exists(directory))
        {
            return null;
        }

        return [.. Directory.EnumerateFiles(directory, "*" + JsonExtension, SearchOption.TopDirectoryOnly)
            .Where(path => path.EndsWith(JsonExtension, StringComparison.OrdinalIgnoreCase))
            .Select(path => (File: Path.GetRelativePath(root, path).Replace('\\', '/'), FullPath: path))
            .OrderBy(f => f.File, StringComparer.Ordinal)];
    }
}
