using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sunderfall.Content;
using Sunderfall.Grains.Faults;
using Sunderfall.Grains.Interfaces.Common;
using Sunderfall.Grains.Interfaces.Names;
using Sunderfall.Grains.Interfaces.Players;
using Sunderfall.Grains.Interfaces.Zones;
using Sunderfall.Grains.Names;
using Sunderfall.Grains.Progression;
using Sunderfall.Grains.Rewards;
using Sunderfall.Grains.Transactions;
using Sunderfall.Grains.World;

namespace Sunderfall.Grains.Players;

/// <summary>
/// The durable character. Every change a player would miss (creation, zone changes, the position on leaving,
/// experience, gold, items) is written before it is reported or acted on; the zone of record is the one in
/// PostgreSQL. Split by concern: the world (this file), the character sheet, items, rewards, and the party.
/// </summary>
public sealed partial class PlayerGrain(
    [PersistentState("player", GrainStorage.Game)] IPersistentState<PlayerState> state,
    IOptions<WorldOptions> world,
    ContentCatalog content,
    IRewardLedger ledger,
    ITransactionLog transactions,
    ICrashPoints crashPoints,
    TimeProvider clock,
    ILogger<PlayerGrain> logger) : Grain, IPlayerGrain
{
    private readonly ProgressionRules rules = new(content);

    // The frontend serving the current stay, kept in memory to join the next zone after a portal. Lost with the
    // activation; the frontend's subscription renewal then re-enters the player.
    private (string Id, FrontendObservers Observers)? frontend;

    /// <summary>Party invites remembered per activation (the newest ones).</summary>
    private const int MaxRememberedInvites = 16;

    // Parties that invited this character during this activation, oldest first (see WasInvitedToAsync).
    private readonly List<Guid> invitedTo = [];

    private Guid Id => this.GetPrimaryKey();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!state.RecordExists)
        {
            return;
        }

        partyId = await ClaimedPartyAsync();

        // The bag's capacity or the items' stack sizes may have changed since the character was saved.
        if (NewBag().Settle())
        {
            await SaveAsync();
        }
        else
        {
            savedSheet = BuildSheet();
        }
    }

    public async Task<GameResult<CharacterSnapshot>> CreateAsync(CreateCharacterRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (state.RecordExists)
        {
            // A retried create with the same arguments is answered as the original was.
            return string.Equals(state.State.Name, request.Name, StringComparison.Ordinal) && state.State.Class == request.Class
                && state.State.OwnerAccountId == request.OwnerAccountId
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

        var start = content.Zones[world.Value.StartZone];
        state.State = new PlayerState
        {
            Name = request.Name,
            Class = request.Class,
            Level = 1,
            ZoneId = start.Id,
            X = start.Spawn.X,
            Y = start.Spawn.Y,
            CreatedAt = clock.GetUtcNow(),
            OwnerAccountId = request.OwnerAccountId,
        };
        await SaveAsync();
        return GameResult<CharacterSnapshot>.Success(Snapshot());
    }

    public Task<CharacterSnapshot?> GetAsync() => Task.FromResult(state.RecordExists ? Snapshot() : null);

    public Task<GameResult<ZoneEntrySnapshot>> EnterWorldAsAsync(Guid accountId, string frontendId, FrontendObservers frontendObservers) =>
        state.RecordExists && state.State.OwnerAccountId != accountId
            ? Task.FromResult(GameResult<ZoneEntrySnapshot>.Failure(GameErrorCode.Forbidden, "this character belongs to another account"))
            : EnterWorldUncheckedAsync(frontendId, frontendObservers);

    // Private: callers reach it only through EnterWorldAsAsync, after the ownership check.
    private async Task<GameResult<ZoneEntrySnapshot>> EnterWorldUncheckedAsync(string frontendId, FrontendObservers frontendObservers)
    {
        if (!state.RecordExists)
        {
            return GameResult<ZoneEntrySnapshot>.Failure(GameErrorCode.CharacterNotFound, $"no character has the id {Id}");
        }

        frontend = (frontendId, frontendObservers);
        var template = ZoneInstances.Template(state.State.ZoneId);
        if (!content.Zones.ContainsKey(template))
        {
            // The zone was removed from the content: start over in the start zone.
            var start = content.Zones[world.Value.StartZone];
            (state.State.ZoneId, state.State.X, state.State.Y) = (start.Id, start.Spawn.X, start.Spawn.Y);
            template = start.Id;
        }

        state.State.ZoneId = await GrainFactory.GetGrain<IZoneDirectoryGrain>(template).AssignAsync(Id, state.State.ZoneId);
        partyId = await ConfirmedPartyAsync();
        state.State.InWorld = true;
        state.State.WorldSession++;
        await SaveAsync();
        var joined = await JoinCurrentZoneAsync(frontendId, frontendObservers);

        // Grants committed while the character was away arrive with this stay.
        await CollectRewardsAsync();
        return joined;
    }

    public async Task<GameResult<CharacterSnapshot>> LeaveWorldAsync()
    {
        if (!state.RecordExists)
        {
            return GameResult<CharacterSnapshot>.Failure(GameErrorCode.CharacterNotFound, $"no character has the id {Id}");
        }

        // A character that never entered (or already left) has no zone to leave: waking one would start its tick.
        // In combat its body stays in the zone for the logout delay, which saves it again when the delay runs out.
        var last = state.State.InWorld ? await GrainFactory.GetGrain<IZoneGrain>(state.State.ZoneId).LeaveAsync(Id) : null;
        if (last is not null)
        {
            Apply(last);
        }

        state.State.InWorld = false;
        frontend = null;
        await SaveAsync();
        return GameResult<CharacterSnapshot>.Success(Snapshot());
    }

    public async Task TransferAsync(ZoneTransferRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var current = state.RecordExists && state.State.InWorld && state.State.WorldSession == request.WorldSession
            && string.Equals(state.State.ZoneId, request.FromZone, StringComparison.Ordinal);
        if (!current || !content.Zones.ContainsKey(request.TargetTemplate))
        {
            // Stale (an earlier stay, or a repeat of a transfer already done): doing it again would duplicate it.
            return;
        }

        // Written first: if this silo dies now, the player is found in the target zone, not lost between the two.
        state.State.ZoneId = await GrainFactory.GetGrain<IZoneDirectoryGrain>(request.TargetTemplate).AssignAsync(Id, null);
        (state.State.X, state.State.Y) = (request.Target.X, request.Target.Y);
        state.State.Vitals = request.Vitals ?? state.State.Vitals;
        state.State.WorldSession++;
        await SaveAsync();
        if (frontend is { } serving)
        {
            var joined = await JoinCurrentZoneAsync(serving.Id, serving.Observers);
            if (joined.Error is { } error)
            {
                logger.LogWarning("Player {Player} could not join {Zone} after a portal: {Error}", Id, state.State.ZoneId, error.Message);
            }
        }
    }

    public async Task CheckpointAsync(string zoneId, long worldSession, PlayerCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);

        // Only the zone of the current stay may change the character: a checkpoint from an earlier stay is stale, and so
        // is one arriving after leaving, except the final one of a body left in the world by the logout delay.
        var current = state.RecordExists && (state.State.InWorld || checkpoint.Final) && state.State.WorldSession == worldSession
            && string.Equals(zoneId, state.State.ZoneId, StringComparison.Ordinal);
        var position = checkpoint.Position;
        var moved = position.X != state.State.X || position.Y != state.State.Y;
        if (!current || !position.IsFinite || (!moved && (checkpoint.Vitals is null || checkpoint.Vitals == state.State.Vitals)))
        {
            return;
        }

        Apply(checkpoint);
        await SaveAsync();
    }

    private void Apply(PlayerCheckpoint checkpoint)
    {
        if (checkpoint.Position.IsFinite)
        {
            (state.State.X, state.State.Y) = (checkpoint.Position.X, checkpoint.Position.Y);
        }

        state.State.Vitals = checkpoint.Vitals ?? state.State.Vitals;
    }

    private Task<GameResult<ZoneEntrySnapshot>> JoinCurrentZoneAsync(string frontendId, FrontendObservers frontendObservers) =>
        GrainFactory.GetGrain<IZoneGrain>(state.State.ZoneId).JoinAsync(new ZoneJoinRequest(
            Id, state.State.Name, new WorldPosition(state.State.X, state.State.Y), frontendId, frontendObservers, state.State.WorldSession,
            Profile(), state.State.Vitals));

    private CharacterSnapshot Snapshot() => new(
        Id, state.State.Name, state.State.Class, state.State.Level, state.State.ZoneId, new WorldPosition(state.State.X, state.State.Y),
        state.State.InWorld, state.State.WorldSession, state.State.OwnerAccountId, state.State.Vitals);

    public async Task<bool> DeliverAsync(PlayerEvent playerEvent)
    {
        ArgumentNullException.ThrowIfNull(playerEvent);
        if (!state.RecordExists || !state.State.InWorld)
        {
            return false;
        }

        if (frontend is null)
        {
            // This activation is new (its silo was lost, or it went idle) and never saw the frontend: the zone knows
            // it, as frontends renew their subscriptions there.
            if (await GrainFactory.GetGrain<IZoneGrain>(state.State.ZoneId).FrontendOfAsync(Id) is not { } found)
            {
                return false;
            }

            frontend ??= (found.FrontendId, found.Observers);
        }

        if (playerEvent.Invite is { } invite)
        {
            // Remembered for WasInvitedToAsync; an expired invite is refused by its party grain, so a few suffice.
            if (invitedTo.Count >= MaxRememberedInvites)
            {
                invitedTo.RemoveAt(0);
            }

            invitedTo.Add(invite.PartyId);
        }

        // One-way: a slow or lost frontend costs the sender nothing.
        _ = frontend.Value.Observers.Players.OnPlayerEventAsync(playerEvent);
        return true;
    }

    public Task<bool> WasInvitedToAsync(Guid partyId) => Task.FromResult(invitedTo.Contains(partyId));

    /// <summary>Writes the character; the sheet others see changes only once the write succeeded.</summary>
    private async Task SaveAsync()
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // The character in memory now differs from the one stored: the next call starts again from storage.
            DeactivateOnIdle();
            throw;
        }

        savedSheet = BuildSheet();
    }
}
