using Microsoft.Playwright;

namespace Sunderfall.Browser.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium (installed by ./test.sh), driven headless by Playwright. Playwright's own browser download is
/// never used: it cannot be fetched here. Playwright gives each launch a fresh temporary profile (--user-data-dir).
/// </summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    // Without the background-networking flags Chromium keeps trying to reach Google's hosts from a closed network.
    private static readonly string[] Flags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--disable-quic",
    ];

    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        ArgumentNullException.ThrowIfNull(playwright);
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"{ExecutablePath} is missing: ./test.sh installs Debian's chromium package (apt-get install chromium)");
        }

        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            ChromiumSandbox = false,
            Args = Flags,
            Timeout = 60_000,
        });
    }
}
