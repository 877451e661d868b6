using System.Globalization;
using Sunderfall.Grains.Interfaces.Chat;
using Sunderfall.Grains.Interfaces.Combat;
using Sunderfall.Grains.Interfaces.Common;
using Sunderfall.Grains.Interfaces.Players;
using Sunderfall.Grains.Interfaces.Zones;
using Sunderfall.Protocol.Characters;
using Sunderfall.Protocol.Combat;
using Sunderfall.Protocol.Errors;
using ErrorCode = Sunderfall.Protocol.Errors.ErrorCode;
using Sunderfall.Protocol.Social;
using Sunderfall.Protocol.World;

namespace Sunderfall.Frontend.Game;

/// <summary>Maps grain contracts to wire messages: grain types never reach a client.</summary>
public static class WireMapping
{
    /// <summary>Wire names of the character classes.</summary>
    public static readonly IReadOnlyDictionary<string, CharacterClass> ClassNames = Enum.GetValues<CharacterClass>()
        .ToDictionary(c => c.ToString().ToLowerInvariant(), c => c, StringComparer.OrdinalIgnoreCase);

    public static string Id(Guid id) => id.ToString("D", CultureInfo.InvariantCulture);

    public static CharacterInfo ToWire(CharacterSnapshot c) => new()
    {
        Id = Id(c.Id),
        Name = c.Name,
        Class = c.Class.ToString().ToLowerInvariant(),
        Level = c.Level,
        ZoneId = c.ZoneId,
        X = c.Position.X,
        Y = c.Position.Y,
    };

    public static ZoneEntered ToWire(ZoneEntrySnapshot z) => new()
    {
        ZoneId = z.ZoneId,
        Template = z.Template,
        Width = z.Width,
        Height = z.Height,
        SelfNetId = z.SelfNetId,
        ViewRadius = z.ViewRadius,
        TickMilliseconds = z.TickMilliseconds,
    };

    public static CombatEventInfo ToWire(CombatEvent e) => new()
    {
        Kind = (int)e.Kind,
        SourceNetId = e.SourceNetId,
        TargetNetId = e.TargetNetId,
        AbilityId = e.AbilityId,
        Amount = e.Amount,
        Critical = e.Critical,
    };

    public static Vitals ToWire(PlayerVitals v) => new()
    {
        Health = v.Health,
        MaxHealth = v.MaxHealth,
        Resource = v.Resource,
        MaxResource = v.MaxResource,
        Dead = v.Dead,
        Casting = v.Casting,
    };

    public static ChatMessage ToWire(ChatLine line) => new()
    {
        Channel = line.Channel.ToString().ToLowerInvariant(),
        FromId = line.FromPlayerId == Guid.Empty ? "" : Id(line.FromPlayerId),
        From = line.FromName,
        To = line.ToName,
        Text = line.Text,
        At = line.At.ToUnixTimeMilliseconds(),
    };

    public static ServerError ToWire(GameError e) => new() { Code = ToWire(e.Code), Message = e.Message };

    public static ErrorCode ToWire(GameErrorCode code) => code switch
    {
        GameErrorCode.None => ErrorCode.None,
        GameErrorCode.InvalidArgument => ErrorCode.InvalidArgument,
        GameErrorCode.NameTaken => ErrorCode.NameTaken,
        GameErrorCode.CharacterNotFound => ErrorCode.CharacterNotFound,
        GameErrorCode.CharacterExists => ErrorCode.InvalidArgument,
        GameErrorCode.NotInZone => ErrorCode.NotInWorld,
        GameErrorCode.MoveRejected => ErrorCode.MoveRejected,
        GameErrorCode.Forbidden => ErrorCode.Forbidden,
        GameErrorCode.LimitReached => ErrorCode.LimitReached,
        GameErrorCode.OnCooldown => ErrorCode.OnCooldown,
        GameErrorCode.NotEnoughResource => ErrorCode.NotEnoughResource,
        GameErrorCode.InvalidTarget => ErrorCode.InvalidTarget,
        GameErrorCode.OutOfRange => ErrorCode.OutOfRange,
        GameErrorCode.Dead => ErrorCode.Dead,
        GameErrorCode.PartyRule => ErrorCode.PartyRule,
        GameErrorCode.AlreadyInParty => ErrorCode.AlreadyInParty,
        GameErrorCode.PlayerOffline => ErrorCode.PlayerOffline,
        GameErrorCode.InventoryRule => ErrorCode.InventoryRule,
        GameErrorCode.RateLimited => ErrorCode.RateLimited,
        GameErrorCode.NotFound => ErrorCode.NotFound,
        GameErrorCode.NoLineOfSight => ErrorCode.NoLineOfSight,
        _ => ErrorCode.InvalidArgument,
    };

    public static CallResult<T> ToCallResult<TGrain, T>(GameResult<TGrain> result, Func<TGrain, T> map)
        where T : class => result.Error is { } error
            ? CallResult<T>.Failure(ToWire(error.Code), error.Message)
            : CallResult<T>.Success(map(result.Value!));
}
