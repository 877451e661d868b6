using Microsoft.Extensions.Options;
using Sunderfall.Grains.Interfaces.Common;
using Sunderfall.Grains.Interfaces.Names;
using Sunderfall.Grains.Interfaces.Players;
using Sunderfall.Grains.Interfaces.Zones;
using Sunderfall.Grains.Names;
using Sunderfall.Grains.World;

namespace Sunderfall.Grains.Players;

/// <summary>The durable character. Every change a player would miss is written before it is reported.</summary>
public sealed class PlayerGrain(
    [PersistentState("player", GrainStorage.Game)] IPersistentState<PlayerState> state,
    IOptions<WorldOptions> world,
    TimeProvider clock) : Grain, IPlayerGrain
{
    private Guid Id => this.GetPrimaryKey();

    public async Task<GameResult<CharacterSnapshot>> CreateAsync(CreateCharacterRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (state.RecordExists)
        {
            // A retried create with the same arguments is answered as the original was.
            return string.Equals(state.State.Name, request.Name, StringComparison.Ordinal) && state.State.Class == request.Class
                ? GameResult<CharacterSnapshot>.Success(Snapshot())
                : GameResult<CharacterSnapshot>.Failure(GameErrorCode.CharacterExists, "this character already exists");
        }

        if (CharacterNames.Validate(request.Name) is { } nameError)
        {
            return GameResult<CharacterSnapshot>.Failure(GameErrorCode.InvalidArgument, nameError);
        }

        if (!Enum.IsDefined(request.Class))
        {
            return GameResult<CharacterSnapshot>.Failure(
                GameErrorCode.InvalidArgument, $"class {(int)request.Class} is unknown; allowed: {string.Join(", ", Enum.GetNames<CharacterClass>())}");
        }

        var claimed = await GrainFactory.GetGrain<ICharacterNameGrain>(CharacterNames.Normalize(request.Name)).TryClaimAsync(Id);
        if (!claimed)
        {
            return GameResult<CharacterSnapshot>.Failure(GameErrorCode.NameTaken, $"the name '{request.Name}' is taken; choose another");
        }

        var options = world.Value;
        state.State = new PlayerState
        {
            Name = request.Name,
            Class = request.Class,
            Level = 1,
            ZoneId = options.StartZone,
            X = options.SpawnX,
            Y = options.SpawnY,
            CreatedAt = clock.GetUtcNow(),
        };
        await state.WriteStateAsync();
        return GameResult<CharacterSnapshot>.Success(Snapshot());
    }

    public Task<CharacterSnapshot?> GetAsync() => Task.FromResult(state.RecordExists ? Snapshot() : null);

    public async Task<GameResult<ZoneEntrySnapshot>> EnterWorldAsync(string frontendId, IZoneObserver frontend)
    {
        if (!state.RecordExists)
        {
            return GameResult<ZoneEntrySnapshot>.Failure(GameErrorCode.CharacterNotFound, $"no character has the id {Id}");
        }

        state.State.InWorld = true;
        state.State.WorldSession++;
        await state.WriteStateAsync();
        var zone = GrainFactory.GetGrain<IZoneGrain>(state.State.ZoneId);
        return await zone.JoinAsync(new ZoneJoinRequest(
            Id, state.State.Name, new WorldPosition(state.State.X, state.State.Y), frontendId, frontend, state.State.WorldSession));
    }

    public async Task<GameResult<CharacterSnapshot>> LeaveWorldAsync()
    {
        if (!state.RecordExists)
        {
            return GameResult<CharacterSnapshot>.Failure(GameErrorCode.CharacterNotFound, $"no character has the id {Id}");
        }

        var last = await GrainFactory.GetGrain<IZoneGrain>(state.State.ZoneId).LeaveAsync(Id);
        if (last is { IsFinite: true } position)
        {
            state.State.X = position.X;
            state.State.Y = position.Y;
        }

        state.State.InWorld = false;
        await state.WriteStateAsync();
        return GameResult<CharacterSnapshot>.Success(Snapshot());
    }

    public async Task CheckpointPositionAsync(string zoneId, long worldSession, WorldPosition position)
    {
        // Only the zone of the current stay may move the character: a checkpoint that arrives after leaving, or
        // from an earlier stay, is stale.
        var current = state.RecordExists && state.State.InWorld && state.State.WorldSession == worldSession
            && string.Equals(zoneId, state.State.ZoneId, StringComparison.Ordinal);
        if (!current || !position.IsFinite || (position.X == state.State.X && position.Y == state.State.Y))
        {
            return;
        }

        state.State.X = position.X;
        state.State.Y = position.Y;
        await state.WriteStateAsync();
    }

    private CharacterSnapshot Snapshot() => new(
        Id, state.State.Name, state.State.Class, state.State.Level, state.State.ZoneId, new WorldPosition(state.State.X, state.State.Y),
        state.State.InWorld, state.State.WorldSession);
}
