namespace Sunderfall.Content;

/// <summary>
/// Thrown by <see cref="ContentLoader.Load"/> when the content is unusable. <see cref="Errors"/> holds every problem
/// found, each naming the file, the entry and the field and saying what is allowed; the message lists them one per line.
/// </summary>
public sealed class ContentValidationException : Exception
{
    public ContentValidationException(IReadOnlyList<string> errors)
        : base(string.Join(Environment.NewLine, errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<string> Errors { get; }
}
