using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Sunderfall.Frontend.Connections;
using Sunderfall.Protocol.Errors;
using ErrorCode = Sunderfall.Protocol.Errors.ErrorCode;
using Xunit;

namespace Sunderfall.Frontend.Tests.Connections;

public sealed class ClientConnectionTests
{
    private static readonly OutboxOptions Limits = new() { MaxQueuedEvents = 16, MaxQueuedBytes = 64 * 1024 };

    private sealed class Client
    {
        public TaskCompletionSource Write { get; } = new();

        public int Sends;

        public int Aborts;

        public ClientConnection Connection { get; }

        public ConnectionMetrics Metrics { get; } =
            new(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>());

        public Client(bool reads)
        {
            Connection = new ClientConnection(
                "c1",
                Guid.NewGuid(),
                Guid.NewGuid(),
                (_, _) =>
                {
                    Interlocked.Increment(ref Sends);
                    return reads ? Task.CompletedTask : Write.Task;
                },
                () => Interlocked.Increment(ref Aborts),
                Limits,
                Metrics,
                NullLogger.Instance);
        }
    }

    [Fact]
    public void Send_ToAClientThatStoppedReading_DropsItOnceWhenTheQueueIsFull_AndLetsGoOfTheQueue()
    {
        var client = new Client(reads: false);
        var error = new ServerError { Code = ErrorCode.NotInWorld, Message = "enter the world first" };

        for (var i = 0; i < 100; i++)
        {
            client.Connection.Send("Error", error);
        }

        Assert.True(client.Connection.IsDropped);
        Assert.Equal(1, client.Aborts);
        Assert.Equal(0, client.Connection.QueuedBytes);
        Assert.Equal(0, client.Metrics.QueuedBytes);
        Assert.InRange(client.Metrics.PeakQueuedBytes, 1, Limits.MaxQueuedBytes);
    }

    [Fact]
    public void DropIfStalled_DropsOnlyAConnectionWhoseWriteWaitedPastTheBound()
    {
        var stuck = new Client(reads: false);
        var reading = new Client(reads: true);
        stuck.Connection.Send("Error", "never read");
        reading.Connection.Send("Error", "read at once");
        var bound = TimeSpan.FromSeconds(10);

        Assert.False(stuck.Connection.DropIfStalled(Stopwatch.GetTimestamp(), bound));
        var later = Stopwatch.GetTimestamp() + (Stopwatch.Frequency * 11);
        Assert.False(reading.Connection.DropIfStalled(later, bound));
        Assert.True(stuck.Connection.DropIfStalled(later, bound));

        Assert.Equal(1, stuck.Aborts);
        Assert.Equal(0, reading.Aborts);
    }

    [Fact]
    public async Task SendThenClose_ClosesOnlyOnceTheLastEventIsWritten()
    {
        var client = new Client(reads: false);

        client.Connection.SendThenClose("Error", new ServerError { Code = ErrorCode.SessionReplaced, Message = "signed in elsewhere" });
        Assert.Equal(1, client.Sends);
        Assert.Equal(0, client.Aborts);

        client.Write.SetResult();
        await ConnectionOutboxTests.WaitUntilAsync(() => client.Aborts == 1);
        Assert.False(client.Connection.IsDropped);
    }

    [Fact]
    public void SizeOf_GrowsWithTheMessage()
    {
        var small = ClientConnection.SizeOf("ChatEvent", new ServerError { Code = ErrorCode.Internal, Message = "x" });
        var large = ClientConnection.SizeOf("ChatEvent", new ServerError { Code = ErrorCode.Internal, Message = new string('x', 1000) });

        Assert.InRange(small, 10, 100);
        Assert.InRange(large - small, 999, 1010);
    }
}
