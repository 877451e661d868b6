using Microsoft.Extensions.Options;
using Npgsql;
using Sunderfall.Grains.AntiCheat;
using Sunderfall.Silo.Hosting;
using Sunderfall.Stores.CheatFlags;

namespace Sunderfall.Silo.AntiCheat;

/// <summary>Registers where the zones' cheat flags go.</summary>
public static class AntiCheatHostingExtensions
{
    /// <summary>
    /// <see cref="CheatFlagWriter"/> (on a data source of its own, as the application role) behind the zones'
    /// <see cref="ICheatFlagSink"/>, and as a hosted service. Register it before Orleans: hosted services stop in
    /// reverse order, so the writer outlives the zones and writes their last flags.
    /// </summary>
    public static IHostApplicationBuilder AddSunderfallCheatFlags(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<CheatFlagMetrics>();
        builder.Services.AddSingleton(services => new CheatFlagWriter(
            NpgsqlDataSource.Create(services.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString),
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILogger<CheatFlagWriter>>(),
            services.GetRequiredService<CheatFlagMetrics>(),
            ownsDataSource: true));
        builder.Services.AddSingleton<ICheatFlagSink, CheatFlagSink>();
        builder.Services.AddHostedService(services => services.GetRequiredService<CheatFlagWriter>());
        return builder;
    }
}
