using System.Globalization;
using Microsoft.Extensions.Options;
using Sunderfall.Grains.Interfaces.Chat;
using Sunderfall.Grains.Interfaces.Common;
using Sunderfall.Grains.Interfaces.Names;
using Sunderfall.Grains.Interfaces.Parties;
using Sunderfall.Grains.Interfaces.Players;
using Sunderfall.Grains.Interfaces.Zones;
using Sunderfall.Grains.Names;
using Sunderfall.Grains.Transactions;

namespace Sunderfall.Grains.Chat;

/// <summary>
/// A player's chat: checks, rate-limits and routes each message, and logs what was sent (its length, not its text).
/// The rate bucket lives in memory: a new activation starts full, as an idle player's bucket would be anyway.
/// </summary>
public sealed class ChatGrain(
    [PersistentState("chatMute", GrainStorage.Game)] IPersistentState<ChatMuteState> muteState,
    IOptions<ChatOptions> options,
    TimeProvider clock,
    ITransactionLog log) : Grain, IChatGrain
{
    private readonly TokenBucket bucket = new(options.Value.Burst, options.Value.MessagesPerSecond);

    private Guid Id => this.GetPrimaryKey();

    public async Task<GameResult<ChatLine>> SendAsync(ChatChannel channel, string text, string? toName)
    {
        if (channel is not (ChatChannel.Zone or ChatChannel.Party or ChatChannel.Whisper))
        {
            return Fail(GameErrorCode.InvalidArgument, $"players may chat on the Zone, Party or Whisper channels, not on {channel}");
        }

        if (MuteInForce() is { } muted)
        {
            return Fail(GameErrorCode.Forbidden, string.Create(
                CultureInfo.InvariantCulture, $"you are muted until {muted.Until:yyyy-MM-dd HH:mm} UTC ({muted.Reason}); chat is refused until then"));
        }

        if (ChatText.Validate(text, out var trimmed) is { } textError)
        {
            return Fail(GameErrorCode.InvalidArgument, textError);
        }

        if (channel == ChatChannel.Whisper && CharacterNames.Validate(toName) is { } nameError)
        {
            return Fail(GameErrorCode.InvalidArgument, $"a whisper needs its recipient's character name: {nameError}");
        }

        // Counted before routing: a message refused for its recipient (unknown, offline) still costs a token, so
        // names cannot be probed at speed.
        if (!bucket.TryTake(clock.GetUtcNow(), out var retryAfter))
        {
            return Fail(GameErrorCode.RateLimited, string.Create(
                CultureInfo.InvariantCulture,
                $"chat allows {bucket.Capacity} messages at once and {bucket.PerSecond:0.##} per second after that; wait {retryAfter.TotalSeconds:0.0} s"));
        }

        if (await Player(Id).GetAsync() is not { } sender)
        {
            return Fail(GameErrorCode.CharacterNotFound, $"no character has the id {Id}");
        }

        var line = new ChatLine(channel, Id, sender.Name, trimmed, clock.GetUtcNow());
        return channel switch
        {
            ChatChannel.Zone => ToZone(sender, line),
            ChatChannel.Party => await ToPartyAsync(line),
            _ => await WhisperAsync(line, toName!),
        };
    }

    public async Task MuteAsync(ChatMute mute)
    {
        ArgumentNullException.ThrowIfNull(mute);
        (muteState.State.Until, muteState.State.Reason, muteState.State.By) = (mute.Until, mute.Reason, mute.By);
        await muteState.WriteStateAsync();
    }

    public Task<ChatMute?> GetMuteAsync() => Task.FromResult(MuteInForce());

    private ChatMute? MuteInForce() =>
        muteState.State.Until is { } until && until > clock.GetUtcNow() ? new ChatMute(until, muteState.State.Reason, muteState.State.By) : null;

    private GameResult<ChatLine> ToZone(CharacterSnapshot sender, ChatLine line)
    {
        if (!sender.InWorld)
        {
            return Fail(GameErrorCode.NotInZone, "you are not in the world; zone chat reaches the players in the zone you are in");
        }

        // One-way (BroadcastChatAsync is [OneWay]): chat never waits on the zone's tick.
        _ = GrainFactory.GetGrain<IZoneGrain>(sender.ZoneId).BroadcastChatAsync(line);
        Log(TransactionKinds.ChatZone, line, zoneId: sender.ZoneId);
        return GameResult<ChatLine>.Success(line);
    }

    private async Task<GameResult<ChatLine>> ToPartyAsync(ChatLine line)
    {
        if (await GrainFactory.GetGrain<IPartyMembershipGrain>(Id).GetPartyAsync() is not { } partyId)
        {
            return Fail(GameErrorCode.PartyRule, "you are not in a party; party chat reaches the members of your party");
        }

        if (await GrainFactory.GetGrain<IPartyGrain>(partyId).ChatAsync(line) is { } refused)
        {
            return new GameResult<ChatLine>(null, refused);
        }

        Log(TransactionKinds.ChatParty, line, partyId: partyId);
        return GameResult<ChatLine>.Success(line);
    }

    private async Task<GameResult<ChatLine>> WhisperAsync(ChatLine line, string toName)
    {
        var ownerId = await GrainFactory.GetGrain<ICharacterNameGrain>(CharacterNames.Normalize(toName)).GetOwnerAsync();
        // A name claimed by a creation that then failed has no character behind it.
        if ((ownerId is { } id ? await Player(id).GetAsync() : null) is not { } target)
        {
            return Fail(GameErrorCode.NotFound, $"no character is named {toName}");
        }

        if (target.Id == Id)
        {
            return Fail(GameErrorCode.InvalidArgument, "you cannot whisper to yourself");
        }

        var whisper = line with { ToName = target.Name };
        if (!await Player(target.Id).DeliverAsync(new PlayerEvent(target.Id, PlayerEventKind.Chat, Chat: whisper)))
        {
            return Fail(GameErrorCode.PlayerOffline, $"{target.Name} is not online");
        }

        // The echo lets the sender's client show the whisper as sent.
        await Player(Id).DeliverAsync(new PlayerEvent(Id, PlayerEventKind.Chat, Chat: whisper));
        Log(TransactionKinds.ChatWhisper, whisper, targetId: target.Id);
        return GameResult<ChatLine>.Success(whisper);
    }

    private void Log(string kind, ChatLine line, Guid? targetId = null, string? zoneId = null, Guid? partyId = null)
    {
        var details = new Dictionary<string, object?> { ["length"] = line.Text.Length };
        if (partyId is { } party)
        {
            details["partyId"] = party;
        }

        log.Append(new TransactionEntry(line.At, kind, Id, targetId, ZoneId: zoneId, Details: details));
    }

    private IPlayerGrain Player(Guid playerId) => GrainFactory.GetGrain<IPlayerGrain>(playerId);

    private static GameResult<ChatLine> Fail(GameErrorCode code, string message) => GameResult<ChatLine>.Failure(code, message);
}
