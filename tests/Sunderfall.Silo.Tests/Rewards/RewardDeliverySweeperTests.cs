using System.Collections.Concurrent;
using System.Reflection;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Sunderfall.Grains.Interfaces.Inventory;
using Sunderfall.Grains.Interfaces.Players;
using Sunderfall.Grains.Interfaces.Rewards;
using Sunderfall.Grains.Rewards;
using Sunderfall.Silo.Rewards;
using Sunderfall.Silo.Tests.Database;
using Xunit;

namespace Sunderfall.Silo.Tests.Rewards;

[Collection(PostgresCollectionDefinition.Name)]
public sealed class RewardDeliverySweeperTests(PostgresDatabase database)
{
    private readonly PostgresRewardLedger ledger = new(database.AppDataSource);

    [Fact]
    public async Task SweepAsync_NudgesPlayersOwedGrantsAndNotThoseAlreadyServed()
    {
        var (owed, served) = (Guid.NewGuid(), Guid.NewGuid());
        await CommitAsync(owed);
        var servedEncounter = await CommitAsync(served);
        await ledger.MarkDeliveredAsync(servedEncounter, served);
        var grains = new RecordingGrains();
        var sweeper = Sweeper(grains, undeliveredAfter: TimeSpan.Zero);

        var nudged = await sweeper.SweepAsync(CancellationToken.None);

        Assert.True(nudged >= 1);
        Assert.Contains(owed, grains.Collected);
        Assert.DoesNotContain(served, grains.Collected);
    }

    [Fact]
    public async Task SweepAsync_LeavesGrantsYoungerThanUndeliveredAfterToTheirNormalDelivery()
    {
        var player = Guid.NewGuid();
        await CommitAsync(player);
        var grains = new RecordingGrains();
        var sweeper = Sweeper(grains, undeliveredAfter: TimeSpan.FromMinutes(10));

        await sweeper.SweepAsync(CancellationToken.None);

        Assert.DoesNotContain(player, grains.Collected);
    }

    private RewardDeliverySweeper Sweeper(RecordingGrains grains, TimeSpan undeliveredAfter) => new(
        ledger,
        grains.Factory,
        Options.Create(new RewardOptions { UndeliveredAfter = undeliveredAfter }),
        new RewardSweepMetrics(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>()),
        new StartedLifetime(),
        TimeProvider.System,
        NullLogger<RewardDeliverySweeper>.Instance);

    private async Task<Guid> CommitAsync(Guid player)
    {
        var encounter = Guid.NewGuid();
        var at = DateTimeOffset.UtcNow;
        await ledger.CommitAsync(new EncounterCommit(encounter, "ashen-vale/1", at, "{}", [new RewardGrant(encounter, player, 5, 1, [new ItemCount("bog-moss", 1)], at)]));
        return encounter;
    }

    /// <summary>An <see cref="IGrainFactory"/> whose player grains only record CollectRewardsAsync calls.</summary>
    private sealed class RecordingGrains
    {
        public RecordingGrains()
        {
            var factory = DispatchProxy.Create<IGrainFactory, Proxy>();
            ((Proxy)(object)factory).Handler = (method, args) => method.Name == nameof(IGrainFactory.GetGrain) && args is [Guid id, ..]
                ? PlayerGrain(id)
                : throw new NotSupportedException($"the sweeper is not expected to call IGrainFactory.{method.Name}");
            Factory = factory;
        }

        public IGrainFactory Factory { get; }

        public ConcurrentBag<Guid> Collected { get; } = [];

        private IPlayerGrain PlayerGrain(Guid id)
        {
            var grain = DispatchProxy.Create<IPlayerGrain, Proxy>();
            ((Proxy)(object)grain).Handler = (method, _) =>
            {
                if (method.Name != nameof(IPlayerGrain.CollectRewardsAsync))
                {
                    throw new NotSupportedException($"the sweeper is not expected to call IPlayerGrain.{method.Name}");
                }

                Collected.Add(id);
                return Task.CompletedTask;
            };
            return grain;
        }
    }

    private sealed class StartedLifetime : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => new(canceled: true);

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }
    }

    public class Proxy : DispatchProxy
    {
        public Func<MethodInfo, object?[], object?> Handler { get; set; } = (_, _) => null;

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => Handler(targetMethod!, args ?? []);
    }
}
