using System.Diagnostics;
using Microsoft.Extensions.Options;
using Sunderfall.Grains.Faults;

namespace Sunderfall.Silo.Faults;

/// <summary>
/// Kills this silo process (SIGKILL, as <c>kill -9</c> would) when a configured crash point is reached, so a test
/// can stop the reward path at an exact step. Does nothing unless <see cref="FaultOptions.CrashAt"/> names points.
/// </summary>
public sealed class ConfiguredCrashPoints : ICrashPoints
{
    private readonly FaultOptions options;
    private readonly ILogger<ConfiguredCrashPoints> logger;

    public ConfiguredCrashPoints(IOptions<FaultOptions> options, ILogger<ConfiguredCrashPoints> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options.Value;
        this.logger = logger;
        var unknown = this.options.CrashAt.Where(p => !CrashPoint.All.Contains(p, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            throw new OptionsValidationException(FaultOptions.SectionName, typeof(FaultOptions),
                [$"Faults:CrashAt names unknown crash points: {string.Join(", ", unknown)}; known: {string.Join(", ", CrashPoint.All)}"]);
        }

        if (this.options.CrashAt.Count > 0)
        {
            logger.LogWarning("FAULT INJECTION ON: this silo kills itself at {Points}", string.Join(", ", this.options.CrashAt));
        }
    }

    public void Reached(string point)
    {
        if (!options.CrashAt.Contains(point, StringComparer.Ordinal))
        {
            return;
        }

        if (options.OnceMarker is { Length: > 0 } marker)
        {
            try
            {
                // CreateNew fails if the file exists: whoever creates it is the one process that crashes.
                using var claim = new FileStream(marker, FileMode.CreateNew);
                claim.Write(System.Text.Encoding.ASCII.GetBytes($"{Environment.ProcessId} {point}\n"));
            }
            catch (IOException)
            {
                return;
            }
        }

        logger.LogCritical("Crash point {Point} reached: killing silo process {Pid} (fault injection)", point, Environment.ProcessId);
        Process.GetCurrentProcess().Kill();
    }
}
