using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Sunderfall.LoadTest.Engine;

namespace Sunderfall.LoadTest.Bots;

/// <summary>
/// A player of the naive relay: joins its zone's group and sends its own position at the input rate (the relay
/// trusts clients); every movement of the zone comes back to every member. Latency: from sending Move(s) to receiving
/// its own echo of s.
/// </summary>
internal sealed class RelayBot : Bot
{
    /// <summary>The relay's hub path (Sunderfall.NaiveRelay).</summary>
    public const string HubPath = "hubs/relay";

    private const float Speed = 5f;
    private readonly HubConnection connection;
    private readonly Walker walker;
    private readonly string zone;
    private int selfId = -1;
    private long sequence;

    public RelayBot(int index, LoadOptions options, LoadMetrics metrics)
        : base(index, options, metrics)
    {
        walker = new Walker(Random, options.ZoneSize.Width, options.ZoneSize.Height, (Math.Min(options.ZoneSize.Width, options.ZoneSize.Height) / 2) - 50);
        zone = options.Scenario == Scenario.Crowd ? "zone-0" : $"zone-{index / options.PlayersPerZone}";
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(options.BaseUrl, HubPath))
            .AddMessagePackProtocol();
        if (options.ByteCounter is { } counter)
        {
            builder.Services.AddSingleton(counter);
        }

        connection = builder.Build();
        connection.On<int, long, float, float>("Moved", OnMoved);
        connection.Closed += error =>
        {
            if (error is not null)
            {
                Metrics.Error("ConnectionDropped");
            }

            return Task.CompletedTask;
        };
    }

    public override bool Connected => connection.State == HubConnectionState.Connected;

    public override bool InGame => Connected && Volatile.Read(ref selfId) > 0;

    protected override async Task<bool> JoinAsync(CancellationToken cancellationToken)
    {
        if (connection.State == HubConnectionState.Disconnected)
        {
            await connection.StartAsync(cancellationToken).ConfigureAwait(false);
        }

        Volatile.Write(ref selfId, await connection.InvokeAsync<int>("Join", zone, cancellationToken).ConfigureAwait(false));
        return true;
    }

    protected override async Task LeaveAsync()
    {
        Volatile.Write(ref selfId, -1);
        await connection.StopAsync().ConfigureAwait(false);
    }

    protected override ValueTask CloseAsync() => connection.DisposeAsync();

    protected override async Task TickAsync(CancellationToken cancellationToken)
    {
        if (!InGame)
        {
            return;
        }

        var (x, y) = walker.Advance(1 / Options.InputsPerSecond, Speed);
        var next = ++sequence;
        Sending(next);
        try
        {
            await connection.SendAsync("Move", next, x, y, cancellationToken).ConfigureAwait(false);
            Metrics.InputSent();
        }
        catch (InvalidOperationException)
        {
            Metrics.Error("InputNotSent");
        }
    }

    private void OnMoved(int id, long movedSequence, float x, float y)
    {
        Metrics.EntityUpdates(1);
        if (id == Volatile.Read(ref selfId))
        {
            Acknowledged(movedSequence);
        }
    }
}
