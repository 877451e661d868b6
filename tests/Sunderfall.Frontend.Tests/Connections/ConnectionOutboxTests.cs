using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Sunderfall.Frontend.Connections;
using Xunit;

namespace Sunderfall.Frontend.Tests.Connections;

public sealed class ConnectionOutboxTests
{
    private static readonly OutboxOptions Limits = new() { MaxQueuedEvents = 16, MaxQueuedBytes = 1000 };

    private static ConnectionMetrics NewMetrics() =>
        new(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>());

    [Fact]
    public async Task ScheduleLatest_WhileAWriteToAStuckClientIsInFlight_QueuesNothingAndLaterSendsOnlyTheNewestState()
    {
        var stuck = new TaskCompletionSource();
        var sent = new ConcurrentQueue<object>();
        var outbox = new ConnectionOutbox(
            (_, message) =>
            {
                sent.Enqueue(message);
                return sent.Count == 1 ? stuck.Task : Task.CompletedTask;
            },
            Limits,
            NewMetrics(),
            NullLogger.Instance);
        var state = 0;
        var produced = 0;

        for (var tick = 1; tick <= 1000; tick++)
        {
            state = tick;
            outbox.ScheduleLatest("WorldDelta", () =>
            {
                produced++;
                return state;
            });
        }

        // The first request was computed and is stuck; the 999 after it left one place-holder and no data.
        Assert.Equal([1], sent);
        Assert.Equal(0, outbox.QueuedEvents);
        Assert.Equal(0, outbox.QueuedBytes);

        stuck.SetResult();
        await WaitUntilAsync(() => sent.Count == 2);
        await Task.Delay(50);
        Assert.Equal([1, 1000], sent);
        Assert.Equal(2, produced);
    }

    [Fact]
    public void TryEnqueue_PastTheEventCap_IsRefusedAndKeepsOnlyWhatFits()
    {
        var outbox = new ConnectionOutbox((_, _) => new TaskCompletionSource().Task, Limits, NewMetrics(), NullLogger.Instance);

        // The first event goes straight into the stuck write; 16 more fill the queue.
        for (var i = 0; i <= Limits.MaxQueuedEvents; i++)
        {
            Assert.True(outbox.TryEnqueue("ChatEvent", i, 10));
        }

        Assert.False(outbox.TryEnqueue("ChatEvent", "one too many", 10));
        Assert.Equal(Limits.MaxQueuedEvents, outbox.QueuedEvents);
        Assert.Equal(Limits.MaxQueuedEvents * 10, outbox.QueuedBytes);
    }

    [Fact]
    public void TryEnqueue_PastTheByteCap_IsRefusedAndThePeakNeverPassesTheCap()
    {
        var metrics = NewMetrics();
        var outbox = new ConnectionOutbox((_, _) => new TaskCompletionSource().Task, Limits, metrics, NullLogger.Instance);
        Assert.True(outbox.TryEnqueue("VitalsEvent", "in flight", 400));

        Assert.True(outbox.TryEnqueue("VitalsEvent", "a", 400));
        Assert.True(outbox.TryEnqueue("VitalsEvent", "b", 400));
        Assert.False(outbox.TryEnqueue("VitalsEvent", "c", 201));
        Assert.True(outbox.TryEnqueue("VitalsEvent", "d", 200));

        Assert.Equal(1000, outbox.QueuedBytes);
        Assert.Equal(1000, metrics.PeakQueuedBytes);
        Assert.Equal(1000, metrics.QueuedBytes);
    }

    [Fact]
    public async Task Everything_IsWrittenOneAtATime_InTheOrderHandedIn_TheDeltaWhereItWasAskedFor()
    {
        var inFlight = 0;
        var mostInFlight = 0;
        var sent = new ConcurrentQueue<string>();
        var outbox = new ConnectionOutbox(
            async (method, message) =>
            {
                var now = Interlocked.Increment(ref inFlight);
                mostInFlight = Math.Max(mostInFlight, now);
                await Task.Delay(5);
                sent.Enqueue($"{method}:{message}");
                Interlocked.Decrement(ref inFlight);
            },
            Limits,
            NewMetrics(),
            NullLogger.Instance);

        outbox.TryEnqueue("ZoneChanged", "b", 1);
        outbox.ScheduleLatest("WorldDelta", () => "newest");
        outbox.TryEnqueue("CombatEvent", "c", 1);
        outbox.ScheduleLatest("WorldDelta", () => "newer still");
        outbox.TryEnqueue("ChatEvent", "d", 1);

        await WaitUntilAsync(() => sent.Count == 4);
        Assert.Equal(["ZoneChanged:b", "WorldDelta:newer still", "CombatEvent:c", "ChatEvent:d"], sent);
        Assert.Equal(1, mostInFlight);
    }

    [Fact]
    public async Task Close_LetsGoOfEverythingQueued_AndSendsNothingMore()
    {
        var metrics = NewMetrics();
        var stuck = new TaskCompletionSource();
        var sends = 0;
        var outbox = new ConnectionOutbox(
            (_, _) =>
            {
                Interlocked.Increment(ref sends);
                return stuck.Task;
            },
            Limits,
            metrics,
            NullLogger.Instance);
        for (var i = 0; i < 10; i++)
        {
            outbox.TryEnqueue("ChatEvent", i, 50);
        }

        outbox.Close();
        stuck.SetResult();
        await Task.Delay(50);

        Assert.Equal(0, outbox.QueuedBytes);
        Assert.Equal(0, metrics.QueuedBytes);
        Assert.Equal(1, sends);
        Assert.True(outbox.TryEnqueue("ChatEvent", "after the close", 50));
        Assert.Equal(0, outbox.QueuedEvents);
    }

    [Fact]
    public async Task AWriteThatFails_DoesNotStopTheOutbox()
    {
        var attempts = 0;
        var outbox = new ConnectionOutbox(
            (_, _) => Interlocked.Increment(ref attempts) == 1 ? Task.FromException(new IOException("connection reset")) : Task.CompletedTask,
            Limits,
            NewMetrics(),
            NullLogger.Instance);

        outbox.TryEnqueue("ErrorEvent", "first", 10);
        outbox.TryEnqueue("ErrorEvent", "second", 10);

        await WaitUntilAsync(() => attempts == 2);
        Assert.Equal(0, outbox.QueuedEvents);
    }

    [Fact]
    public void InFlightFor_TellsHowLongTheStuckWriteHasWaited_AndZeroWhenIdle()
    {
        var idle = new ConnectionOutbox((_, _) => Task.CompletedTask, Limits, NewMetrics(), NullLogger.Instance);
        idle.TryEnqueue("ErrorEvent", "done at once", 10);
        Assert.Equal(TimeSpan.Zero, idle.InFlightFor(System.Diagnostics.Stopwatch.GetTimestamp()));

        var stuck = new ConnectionOutbox((_, _) => new TaskCompletionSource().Task, Limits, NewMetrics(), NullLogger.Instance);
        stuck.TryEnqueue("ErrorEvent", "never written", 10);
        var later = System.Diagnostics.Stopwatch.GetTimestamp() + (System.Diagnostics.Stopwatch.Frequency * 30);
        Assert.True(stuck.InFlightFor(later) >= TimeSpan.FromSeconds(29));
    }

    internal static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 300 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition(), "the condition never held within 3 s");
    }
}
