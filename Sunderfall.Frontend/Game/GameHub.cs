using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Sunderfall.Accounts.Accounts;
using Sunderfall.Frontend.Connections;
using Sunderfall.Frontend.Edge;
using Sunderfall.Frontend.Hosting;
using Sunderfall.Frontend.SignIn;
using Sunderfall.Frontend.World;
using Sunderfall.Grains.Interfaces.Accounts;
using Sunderfall.Grains.Interfaces.Players;
using Sunderfall.Grains.Interfaces.Zones;
using Sunderfall.Protocol;
using Sunderfall.Protocol.Characters;
using Sunderfall.Protocol.Errors;
using Sunderfall.Protocol.World;
using ErrorCode = Sunderfall.Protocol.Errors.ErrorCode;

namespace Sunderfall.Frontend.Game;

/// <summary>
/// The game hub: validates what a client sends, calls the grain that owns it and maps the answer to the wire.
/// No game rules live here. Only signed-in players reach it, and every call acts on the token's own account.
/// Cluster failures are turned into typed errors by <see cref="GameHubErrorFilter"/>, floods by the rate limit filter.
/// </summary>
[Authorize(Policy = AccountPolicies.Player)]
public sealed partial class GameHub(
    IClusterClient client,
    ConnectionRegistry registry,
    ZoneSubscriptions subscriptions,
    ZoneFeed feed,
    MoveForwarder moves,
    FrontendIdentity identity,
    AccountService accounts,
    SessionObserverReference sessions,
    HubAbuseMonitor abuse,
    ILogger<GameHub> logger) : Hub
{
    /// <summary>The signed-in account (the token's subject; the hub refuses connections without one).</summary>
    private Guid AccountId => Guid.Parse(Context.UserIdentifier!);

    /// <summary>Longest name accepted before the grain's own, finer rules run.</summary>
    private const int MaxNameInput = 64;

    public async Task<CallResult<CharacterInfo>> CreateCharacter(string? name, string? characterClass)
    {
        if (name is null || name.Length > MaxNameInput)
        {
            return CallResult<CharacterInfo>.Failure(ErrorCode.InvalidArgument, $"name must be a string of at most {MaxNameInput} characters");
        }

        if (characterClass is null || characterClass.Length > 16 || !WireMapping.ClassNames.TryGetValue(characterClass, out var parsed))
        {
            return CallResult<CharacterInfo>.Failure(
                ErrorCode.InvalidArgument, $"class must be one of: {string.Join(", ", WireMapping.ClassNames.Keys)}");
        }

        var result = await client.GetGrain<IAccountGrain>(AccountId).CreateCharacterAsync(name, parsed);
        return WireMapping.ToCallResult(result, WireMapping.ToWire);
    }

    public async Task<CallResult<CharacterList>> ListCharacters()
    {
        var characters = await client.GetGrain<IAccountGrain>(AccountId).GetCharactersAsync();
        return CallResult<CharacterList>.Success(new CharacterList { Characters = [.. characters.Select(WireMapping.ToWire)] });
    }

    public async Task<CallResult<ZoneEntered>> EnterWorld(string? characterId)
    {
        if (characterId is null || characterId.Length > 64 || !Guid.TryParse(characterId, out var playerId))
        {
            return CallResult<ZoneEntered>.Failure(ErrorCode.InvalidArgument, "characterId must be a character id in GUID form, e.g. 9b2d6c1e-7f5a-4c3b-8e2d-1a0b9c8d7e6f");
        }

        if (registry.Find(Context.ConnectionId) is not { } connection)
        {
            return CallResult<ZoneEntered>.Failure(ErrorCode.SessionEnded, "this connection is closing; connect again");
        }

        if (connection.InWorld)
        {
            return CallResult<ZoneEntered>.Failure(
                ErrorCode.AlreadyInWorld, $"this connection already plays {connection.PlayerId}; call LeaveWorld first");
        }

        // The account's own list first: an id it does not own (made up, or another's) activates no character grain.
        if (!await client.GetGrain<IAccountGrain>(AccountId).OwnsCharacterAsync(playerId))
        {
            return CallResult<ZoneEntered>.Failure(ErrorCode.CharacterNotFound, $"this account has no character with the id {playerId}; ListCharacters gives yours");
        }

        var result = await client.GetGrain<IPlayerGrain>(playerId).EnterWorldAsAsync(AccountId, identity.Id, subscriptions.Observers);
        if (result.Value is { } entry)
        {
            feed.Track(entry.ZoneId, entry.ViewRadius);
            // The displaced connection is told through its own outbox: a client of it that does not read never holds
            // this call up.
            registry.Bind(connection, playerId, entry.ZoneId, entry.SelfNetId, entry.ViewRadius)?.Send(HubNames.ErrorEvent, new ServerError
            {
                Code = ErrorCode.NotInWorld,
                Message = "this character entered the world from another connection",
            });
            if (connection.InWorld)
            {
                feed.Refresh(connection);
            }
        }

        return WireMapping.ToCallResult(result, WireMapping.ToWire);
    }

    public async Task Move(long sequence, float dirX, float dirY)
    {
        if (registry.FindInWorld(Context.ConnectionId) is not { } session)
        {
            await Clients.Caller.SendAsync(HubNames.ErrorEvent, new ServerError { Code = ErrorCode.NotInWorld, Message = "enter the world before moving" });
            return;
        }

        if (session.InTransit)
        {
            // Going through a portal: the input would reach a zone the character has left.
            return;
        }

        // Queued for the zone's next batch from this frontend (the zone checks the input); refusals come back as
        // Error events. The call returns at once: the result is seen in a later WorldDelta's AckInput.
        if (!moves.Submit(session, new MoveInput(sequence, dirX, dirY)))
        {
            await Clients.Caller.SendAsync(HubNames.ErrorEvent, MoveForwarder.Busy);
        }
    }

    public async Task<CallResult<CharacterInfo>> LeaveWorld()
    {
        if (registry.FindInWorld(Context.ConnectionId) is not { } session || !registry.Unbind(session))
        {
            return CallResult<CharacterInfo>.Failure(ErrorCode.NotInWorld, "this connection has no character in the world");
        }

        var result = await client.GetGrain<IPlayerGrain>(session.PlayerId).LeaveWorldAsync();
        return WireMapping.ToCallResult(result, WireMapping.ToWire);
    }

    public override async Task OnConnectedAsync()
    {
        // A token outlives a logout or a ban by up to its lifetime; the session it names must still be live, and be
        // the token's own account's (a token forged with another account's session id is refused).
        if (!await accounts.IsSessionActiveAsync(AccountId, AuthEndpoints.SessionIdOf(Context.User!)))
        {
            await Clients.Caller.SendAsync(HubNames.ErrorEvent, new ServerError { Code = ErrorCode.SessionEnded, Message = "this sign-in session has ended; sign in again" });
            Context.Abort();
            return;
        }

        registry.Connect(Context, AccountId, AuthEndpoints.SessionIdOf(Context.User!));
        await client.GetGrain<IAccountGrain>(AccountId).ClaimSessionAsync(
            new GameSessionClaim(identity.Id, Context.ConnectionId, sessions.Observer, AuthEndpoints.SessionIdOf(Context.User!)));
        await base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        if (registry.Disconnect(Context.ConnectionId) is { InWorld: true } session)
        {
            try
            {
                await client.GetGrain<IPlayerGrain>(session.PlayerId).LeaveWorldAsync();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The zone's lease on this frontend will drop the player if the cluster cannot be told now.
                logger.LogWarning("Could not take player {Player} out of the world on disconnect: {Reason}", session.PlayerId, ex.Message);
            }
        }

        try
        {
            await client.GetGrain<IAccountGrain>(AccountId).ReleaseSessionAsync(Context.ConnectionId);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogDebug("Could not release the session of {Connection}: {Reason}", Context.ConnectionId, ex.Message);
        }

        await base.OnDisconnectedAsync(exception);
    }
}
