namespace Sunderfall.Grains.Interfaces.Common;

/// <summary>Either a value or a <see cref="GameError"/>: grains report expected refusals this way, not by throwing.</summary>
[GenerateSerializer, Immutable, Alias("sf.GameResult`1")]
public sealed record GameResult<T>(
    [property: Id(0)] T? Value,
    [property: Id(1)] GameError? Error)
{
    /// <summary>True when the request succeeded.</summary>
    public bool IsSuccess => Error is null;

    /// <summary>A success carrying <paramref name="value"/>.</summary>
    public static GameResult<T> Success(T value) => new(value, null);

    /// <summary>A refusal.</summary>
    public static GameResult<T> Failure(GameErrorCode code, string message) => new(default, new GameError(code, message));
}
