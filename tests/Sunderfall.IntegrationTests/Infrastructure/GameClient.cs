using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR.Client;
using Sunderfall.Protocol;
using Sunderfall.Protocol.Characters;
using Sunderfall.Protocol.Errors;
using Sunderfall.Protocol.World;

namespace Sunderfall.IntegrationTests.Infrastructure;

/// <summary>A test player: a real SignalR connection that records everything the server pushes.</summary>
public sealed class GameClient(HubConnection connection) : IAsyncDisposable
{
    public ConcurrentQueue<WorldUpdate> Updates { get; } = new();

    public ConcurrentQueue<MoveCorrection> Corrections { get; } = new();

    public ConcurrentQueue<ServerError> Errors { get; } = new();

    public HubConnection Connection => connection;

    public async Task StartAsync()
    {
        connection.On<WorldUpdate>(HubNames.WorldUpdateEvent, Updates.Enqueue);
        connection.On<MoveCorrection>(HubNames.CorrectionEvent, Corrections.Enqueue);
        connection.On<ServerError>(HubNames.ErrorEvent, Errors.Enqueue);
        await connection.StartAsync();
    }

    public Task<CallResult<CharacterInfo>> CreateCharacterAsync(string? name, string? characterClass) =>
        connection.InvokeAsync<CallResult<CharacterInfo>>(HubNames.CreateCharacter, name, characterClass);

    public Task<CallResult<ZoneEntered>> EnterWorldAsync(string? characterId) =>
        connection.InvokeAsync<CallResult<ZoneEntered>>(HubNames.EnterWorld, characterId);

    public Task<CallResult<CharacterInfo>> LeaveWorldAsync() =>
        connection.InvokeAsync<CallResult<CharacterInfo>>(HubNames.LeaveWorld);

    /// <summary>Fire-and-forget, as a real client moves.</summary>
    public Task MoveAsync(float x, float y) => connection.SendAsync(HubNames.Move, x, y);

    /// <summary>Creates a character with a unique name and enters the world with it.</summary>
    public async Task<(CharacterInfo Character, ZoneEntered Zone)> CreateAndEnterAsync(string prefix, string characterClass = "warrior")
    {
        var created = await CreateCharacterAsync(UniqueName(prefix), characterClass);
        if (!created.Ok)
        {
            throw new InvalidOperationException($"create failed: {created.Error?.Code} {created.Error?.Message}");
        }

        var entered = await EnterWorldAsync(created.Value!.Id);
        if (!entered.Ok)
        {
            throw new InvalidOperationException($"enter failed: {entered.Error?.Code} {entered.Error?.Message}");
        }

        return (created.Value, entered.Value!);
    }

    /// <summary>Whether some update carried the entity at (about) the position.</summary>
    public bool HasSeen(string entityId, float x, float y) =>
        Updates.Any(u => u.Changed.Any(e => e.Id == entityId && Math.Abs(e.X - x) < 0.01 && Math.Abs(e.Y - y) < 0.01));

    public static string UniqueName(string prefix) => prefix + Guid.NewGuid().ToString("N")[..(16 - prefix.Length)];

    /// <summary>Polls until the condition holds; false if it never did within the timeout.</summary>
    public static async Task<bool> EventuallyAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (condition())
            {
                return true;
            }

            await Task.Delay(50);
        }

        return condition();
    }

    public async ValueTask DisposeAsync() => await connection.DisposeAsync();
}
