using Sunderfall.Grains.AntiCheat;

namespace Sunderfall.Silo.AntiCheat;

/// <summary>Registers where the zones' cheat flags go.</summary>
public static class AntiCheatHostingExtensions
{
    /// <summary>
    /// <see cref="CheatFlagWriter"/> as the <see cref="ICheatFlagSink"/> and a hosted service. Register it before
    /// Orleans: hosted services stop in reverse order, so the writer outlives the zones and writes their last flags.
    /// </summary>
    public static IHostApplicationBuilder AddSunderfallCheatFlags(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<CheatFlagMetrics>();
        builder.Services.AddSingleton<CheatFlagWriter>();
        builder.Services.AddSingleton<ICheatFlagSink>(services => services.GetRequiredService<CheatFlagWriter>());
        builder.Services.AddHostedService(services => services.GetRequiredService<CheatFlagWriter>());
        return builder;
    }
}
