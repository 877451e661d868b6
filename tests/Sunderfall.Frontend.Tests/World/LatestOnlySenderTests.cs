using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Sunderfall.Frontend.Connections;
using Sunderfall.Frontend.World;
using Xunit;

namespace Sunderfall.Frontend.Tests.World;

public sealed class LatestOnlySenderTests
{
    private static ClientSession NewSession(string id) => new(id, Guid.NewGuid(), "ashen-vale/1", 1, 60f);

    [Fact]
    public async Task Schedule_WhileASendToAStuckClientIsInFlight_StartsNoSecondSendAndQueuesNothing()
    {
        var stuck = new TaskCompletionSource();
        var sends = new ConcurrentDictionary<string, int>();
        var sender = new LatestOnlySender(
            session =>
            {
                sends.AddOrUpdate(session.ConnectionId, 1, (_, n) => n + 1);
                return session.ConnectionId == "stuck" ? stuck.Task : Task.CompletedTask;
            },
            NullLogger.Instance);
        var stuckSession = NewSession("stuck");
        var healthy = NewSession("healthy");

        for (var tick = 0; tick < 1000; tick++)
        {
            sender.Schedule(stuckSession);
            sender.Schedule(healthy);
        }

        // The stuck client holds one send; every later tick only marked it dirty. The healthy client was not held up.
        Assert.Equal(1, sends["stuck"]);
        Assert.True(stuckSession.Dirty);
        Assert.Equal(1000, sends["healthy"]);

        // When the stuck send finally completes, exactly one more send carries everything since.
        stuck.SetResult();
        await WaitUntilAsync(() => !stuckSession.Sending);
        Assert.Equal(2, sends["stuck"]);
        Assert.False(stuckSession.Dirty);
    }

    [Fact]
    public async Task Schedule_WhenASendFails_KeepsServingTheSession()
    {
        var attempts = 0;
        var sender = new LatestOnlySender(
            _ => Interlocked.Increment(ref attempts) == 1 ? Task.FromException(new IOException("connection reset")) : Task.CompletedTask,
            NullLogger.Instance);
        var session = NewSession("flaky");

        sender.Schedule(session);
        await WaitUntilAsync(() => !session.Sending);
        sender.Schedule(session);
        await WaitUntilAsync(() => !session.Sending);

        Assert.Equal(2, attempts);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition(), "the condition never held within 2 s");
    }
}
