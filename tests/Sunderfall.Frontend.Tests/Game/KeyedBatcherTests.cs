using System.Collections.Concurrent;
using System.Diagnostics;
using Sunderfall.Frontend.Game;
using Xunit;

namespace Sunderfall.Frontend.Tests.Game;

public sealed class KeyedBatcherTests
{
    private static readonly Action<string, List<int>, Exception> NoFailureExpected =
        (key, batch, ex) => throw new Xunit.Sdk.XunitException($"send for {key} failed: {ex}");

    [Fact]
    public void Add_ALoneItemAfterAQuietSpell_IsSentAtOnce()
    {
        var sent = new List<List<int>>();
        var batcher = new KeyedBatcher<int>(TimeSpan.FromSeconds(10), 100, (_, batch) =>
        {
            sent.Add(batch);
            return Task.CompletedTask;
        }, NoFailureExpected);

        Assert.True(batcher.Add("zone-a", 7));

        // Sent within Add itself: a 10 s interval would be plain to see if the first send waited for it.
        Assert.Equal<int>([7], Assert.Single(sent));
    }

    [Fact]
    public async Task Add_WhileASendIsInFlight_StartsNoSecondSendAndTheWaitingItemsGoTogetherNext()
    {
        var inFlight = new TaskCompletionSource();
        var sent = new ConcurrentQueue<List<int>>();
        var batcher = new KeyedBatcher<int>(TimeSpan.Zero, 100, (_, batch) =>
        {
            sent.Enqueue(batch);
            return sent.Count == 1 ? inFlight.Task : Task.CompletedTask;
        }, NoFailureExpected);

        batcher.Add("zone-a", 0);
        for (var i = 1; i <= 5; i++)
        {
            batcher.Add("zone-a", i);
        }

        Assert.Single(sent);
        inFlight.SetResult();
        await WaitUntilAsync(() => sent.Count == 2);

        var batches = sent.ToArray();
        Assert.Equal<int>([0], batches[0]);
        Assert.Equal<int>([1, 2, 3, 4, 5], batches[1]);
    }

    [Fact]
    public async Task SendsForOneZone_StartAtLeastTheIntervalApart_AndCarryEveryItemOnceInOrder()
    {
        var interval = TimeSpan.FromMilliseconds(40);
        var starts = new ConcurrentQueue<long>();
        var received = new ConcurrentQueue<int>();
        var batcher = new KeyedBatcher<int>(interval, 10_000, (_, batch) =>
        {
            starts.Enqueue(Stopwatch.GetTimestamp());
            foreach (var item in batch)
            {
                received.Enqueue(item);
            }

            return Task.CompletedTask;
        }, NoFailureExpected);

        const int Items = 60;
        for (var i = 0; i < Items; i++)
        {
            Assert.True(batcher.Add("zone-a", i));
            await Task.Delay(5);
        }

        await WaitUntilAsync(() => received.Count == Items);

        Assert.Equal(Enumerable.Range(0, Items), received);
        var times = starts.ToArray();
        Assert.True(times.Length < Items, $"{Items} items went out in {times.Length} sends: nothing was batched");
        for (var i = 1; i < times.Length; i++)
        {
            var gap = Stopwatch.GetElapsedTime(times[i - 1], times[i]);

            // The batcher times from just before it calls the sender, this test from inside it: allow that 0.1 ms.
            // A busy machine only makes gaps longer.
            Assert.True(gap >= interval - TimeSpan.FromMilliseconds(0.1), $"sends {i} and {i + 1} were {gap.TotalMilliseconds:F1} ms apart, under {interval.TotalMilliseconds} ms");
        }
    }

    [Fact]
    public void Add_ForAnotherZone_IsNotHeldUpByAZoneWhoseSendHangs()
    {
        var hung = new TaskCompletionSource();
        var sentTo = new ConcurrentQueue<string>();
        var batcher = new KeyedBatcher<int>(TimeSpan.FromSeconds(10), 100, (key, _) =>
        {
            sentTo.Enqueue(key);
            return key == "stuck" ? hung.Task : Task.CompletedTask;
        }, NoFailureExpected);

        batcher.Add("stuck", 1);
        batcher.Add("stuck", 2);
        batcher.Add("healthy", 3);

        Assert.Equal<string>(["stuck", "healthy"], sentTo.ToArray());
    }

    [Fact]
    public void Add_WhenTheZoneHasTheMostItemsWaiting_IsRefusedAndOtherZonesStillTakeItems()
    {
        var hung = new TaskCompletionSource();
        var batcher = new KeyedBatcher<int>(TimeSpan.Zero, 3, (_, _) => hung.Task, NoFailureExpected);

        Assert.True(batcher.Add("stuck", 0)); // in flight, no longer waiting
        Assert.True(batcher.Add("stuck", 1));
        Assert.True(batcher.Add("stuck", 2));
        Assert.True(batcher.Add("stuck", 3));

        Assert.False(batcher.Add("stuck", 4));
        Assert.True(batcher.Add("other", 5));
    }

    [Fact]
    public async Task ASendThatThrows_LosesOnlyItsOwnBatch_AndTheZoneKeepsBeingServed()
    {
        var failed = new ConcurrentQueue<(string Key, List<int> Batch, Exception Error)>();
        var delivered = new ConcurrentQueue<List<int>>();
        var attempts = 0;
        var batcher = new KeyedBatcher<int>(TimeSpan.Zero, 100, (_, batch) =>
        {
            if (Interlocked.Increment(ref attempts) == 1)
            {
                // Thrown synchronously, as well as any cancellation: neither may leave the zone's queue stuck.
                throw new OperationCanceledException("the cluster client is shutting down");
            }

            delivered.Enqueue(batch);
            return Task.CompletedTask;
        }, (key, batch, ex) => failed.Enqueue((key, batch, ex)));

        batcher.Add("zone-a", 1);
        await WaitUntilAsync(() => failed.Count == 1);
        batcher.Add("zone-a", 2);
        await WaitUntilAsync(() => delivered.Count == 1);

        var failure = Assert.Single(failed);
        Assert.Equal("zone-a", failure.Key);
        Assert.Equal<int>([1], failure.Batch);
        Assert.IsType<OperationCanceledException>(failure.Error);
        Assert.Equal<int>([2], Assert.Single(delivered));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("the condition did not hold within 10 s");
            }

            await Task.Delay(10);
        }
    }
}
