namespace Sunderfall.Grains.Interfaces.Common;

/// <summary>A refusal from a grain: a code and a sentence that says what is allowed.</summary>
[GenerateSerializer, Immutable, Alias("sf.GameError")]
public sealed record GameError(
    [property: Id(0)] GameErrorCode Code,
    [property: Id(1)] string Message);
