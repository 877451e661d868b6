using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Sunderfall.Content.Loading;

/// <summary>How content files are read: camelCase names, comments and trailing commas allowed.</summary>
internal static class ContentJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static JsonDocumentOptions DocumentOptions { get; } = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static JsonTypeInfo TypeInfo(Type type) => Options.GetTypeInfo(type);

    /// <summary>The exception's own text without the "LineNumber: | BytePositionInLine:" tail the error already gives.</summary>
    public static string Describe(JsonException exception)
    {
        var text = exception.Message;
        foreach (var marker in new[] { " Path: ", " LineNumber: " })
        {
            var at = text.IndexOf(marker, StringComparison.Ordinal);
            if (at > 0)
            {
                text = text[..at];
            }
        }

        return text.TrimEnd();
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        options.MakeReadOnly();
        return options;
    }
}
