using Sunderfall.Accounts.Accounts;
using Xunit;

namespace Sunderfall.Accounts.Tests.Accounts;

public sealed class PasswordHashGateTests
{
    [Fact]
    public async Task RunAsync_BeyondTheSlotsAndTheQueue_IsRefusedAtOnce()
    {
        var gate = new PasswordHashGate(maxConcurrent: 1, maxQueued: 1);
        await using var held = await SlotHolder.HoldAsync(gate);
        var queued = gate.RunAsync(() => 2, CancellationToken.None);
        await WaitUntilAsync(() => gate.Admitted == 2);

        var refused = await Assert.ThrowsAsync<PasswordHashingBusyException>(() => gate.RunAsync(() => 3, CancellationToken.None));

        held.Release();
        Assert.Equal(2, await queued);
        Assert.Contains("1 at once, 1 waiting", refused.Message, StringComparison.Ordinal);
        Assert.Equal(2, gate.Completed);
    }

    [Fact]
    public async Task RunAsync_AbandonedWhileWaitingItsTurn_NeverRunsTheWork()
    {
        var gate = new PasswordHashGate(maxConcurrent: 1, maxQueued: 8);
        await using var held = await SlotHolder.HoldAsync(gate);
        using var abandoned = new CancellationTokenSource();
        var ran = false;
        var waiting = gate.RunAsync(() => ran = true, abandoned.Token);
        await WaitUntilAsync(() => gate.Admitted == 2);

        await abandoned.CancelAsync();
        held.Release();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        await held.Finished;
        Assert.False(ran);
        Assert.Equal(1, gate.Completed);
        Assert.Equal(0, gate.Admitted);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        while (!condition())
        {
            await Task.Delay(5);
        }
    }

    /// <summary>Occupies one slot of a gate until released.</summary>
    public sealed class SlotHolder : IAsyncDisposable
    {
        private readonly ManualResetEventSlim release = new();
        private Task<int> holding = Task.FromResult(0);

        public static async Task<SlotHolder> HoldAsync(PasswordHashGate gate)
        {
            var holder = new SlotHolder();
            var before = gate.Completed;
            var admitted = gate.Admitted;
            holder.holding = Task.Run(() => gate.RunAsync(() => { holder.release.Wait(); return 1; }, CancellationToken.None));
            await WaitUntilAsync(() => gate.Admitted > admitted || gate.Completed > before);
            return holder;
        }

        public void Release() => release.Set();

        /// <summary>Done once released and its own work has run.</summary>
        public Task Finished => holding;

        public async ValueTask DisposeAsync()
        {
            release.Set();
            await holding;
            release.Dispose();
        }
    }
}
