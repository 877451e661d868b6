using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sunderfall.Silo.Transactions;

/// <summary>
/// How the silo turns transaction details into jsonb: camelCase members, NaN and infinities as strings, cycles cut,
/// NUL characters (which jsonb refuses) replaced, and anything that cannot be serialized or is too long replaced by a
/// small object saying so. Never throws: a log entry must not fail because of its particulars.
/// </summary>
internal static class TransactionJson
{
    /// <summary>Longest details JSON kept; longer details are replaced by a note of their length.</summary>
    public const int MaxLength = 8 * 1024;

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        ReferenceHandler = ReferenceHandler.IgnoreCycles,
        MaxDepth = 16,
    };

    /// <summary>The value as jsonb-safe JSON text, or null for null.</summary>
    public static string? Serialize(object? value)
    {
        if (value is null)
        {
            return null;
        }

        string json;
        try
        {
            json = JsonSerializer.Serialize(value, Options);
        }
        catch (Exception ex) when (ex is NotSupportedException or JsonException or InvalidOperationException or ArgumentException)
        {
            return JsonSerializer.Serialize(new { unserializable = Clean(ex.Message, 256) }, Options);
        }

        // A NUL can only have been written as this escape (a literal backslash is itself escaped), so the replacement
        // keeps the JSON valid.
        json = json.Replace("\\u0000", "\\uFFFD", StringComparison.Ordinal);
        return json.Length <= MaxLength ? json : JsonSerializer.Serialize(new { truncated = true, length = json.Length }, Options);
    }

    /// <summary>Text PostgreSQL can store (no NUL), cut to <paramref name="maxLength"/> characters.</summary>
    public static string Clean(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        var cleaned = text.Replace('\0', '\uFFFD');
        return cleaned.Length <= maxLength ? cleaned : cleaned[..maxLength];
    }
}
