using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;
using Sunderfall.Grains.Rewards;
using Sunderfall.Grains.Transactions;
using Sunderfall.Silo.Anomalies;
using Sunderfall.Silo.Hosting;
using Sunderfall.Silo.Reconciliation;
using Sunderfall.Silo.Transactions;
using Sunderfall.Stores.Support;

namespace Sunderfall.Silo.Rewards;

/// <summary>Registers the transaction log, the reward ledger, its delivery sweeper and the reconciliation job.</summary>
public static class RewardsHostingExtensions
{
    /// <summary>
    /// <see cref="TransactionLogWriter"/> as the <see cref="ITransactionLog"/> and a hosted service,
    /// <see cref="PostgresRewardLedger"/> as the <see cref="IRewardLedger"/>, <see cref="RewardDeliverySweeper"/> and
    /// <see cref="ReconciliationJob"/> and the <see cref="AnomalyJob"/>, all on one PostgreSQL data source for Storage:ConnectionString (the application
    /// role). Register it before Orleans: hosted services stop in reverse order, so the log writer outlives the grains
    /// and writes their last entries (the periodic services stop on their own when the host starts stopping).
    /// </summary>
    public static IHostApplicationBuilder AddSunderfallRewards(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<RewardOptions>().BindConfiguration(RewardOptions.SectionName)
            .Validate(o => o.SweepInterval >= TimeSpan.FromMilliseconds(100) && o.SweepInterval <= TimeSpan.FromMinutes(10), "Rewards:SweepInterval must be 00:00:00.1 to 00:10:00.")
            .Validate(o => o.UndeliveredAfter >= TimeSpan.Zero && o.UndeliveredAfter <= TimeSpan.FromHours(1), "Rewards:UndeliveredAfter must be 00:00:00 to 01:00:00.")
            .ValidateOnStart();
        builder.Services.AddOptions<ReconciliationOptions>().BindConfiguration(ReconciliationOptions.SectionName)
            .Validate(o => o.Interval >= TimeSpan.FromSeconds(1) && o.Interval <= TimeSpan.FromDays(1), "Reconciliation:Interval must be 00:00:01 to 1.00:00:00.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(services => NpgsqlDataSource.Create(services.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString));

        builder.Services.AddSingleton<TransactionLogWriter>();
        builder.Services.AddSingleton<ITransactionLog>(services => services.GetRequiredService<TransactionLogWriter>());
        builder.Services.AddHostedService(services => services.GetRequiredService<TransactionLogWriter>());
        builder.Services.AddSingleton<IRewardLedger, PostgresRewardLedger>();
        builder.Services.AddSingleton<RewardSweepMetrics>();
        builder.Services.AddHostedService<RewardDeliverySweeper>();
        builder.Services.AddSingleton<ResourceReconciler>();
        builder.Services.AddHostedService<ReconciliationJob>();
        builder.Services.AddOptions<AnomalyOptions>().BindConfiguration(AnomalyOptions.SectionName).ValidateDataAnnotations()
            .Validate(o => o.Window >= TimeSpan.FromMinutes(1) && o.Interval >= TimeSpan.FromSeconds(1), "Anomalies:Window must be at least 00:01:00 and Anomalies:Interval at least 00:00:01.")
            .ValidateOnStart();
        builder.Services.AddSingleton<AnomalyDetector>();
        builder.Services.AddHostedService<AnomalyJob>();
        return builder;
    }
}
