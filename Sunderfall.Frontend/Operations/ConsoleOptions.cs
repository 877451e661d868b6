namespace Sunderfall.Frontend.Operations;

/// <summary>The operator console's settings. Section "Console".</summary>
public sealed class ConsoleOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Console";

    /// <summary>
    /// Base URL of the Prometheus whose firing alerts the console shows (GET {url}/api/v1/alerts, proxied for
    /// moderators), e.g. http://127.0.0.1:8090; empty means none is configured and the console says so.
    /// </summary>
    public string PrometheusUrl { get; set; } = "";
}
