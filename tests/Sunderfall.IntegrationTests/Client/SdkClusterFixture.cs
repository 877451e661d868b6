using Sunderfall.IntegrationTests.Infrastructure;
using Xunit;

namespace Sunderfall.IntegrationTests.Client;

/// <summary>
/// A cluster of its own (one silo, one frontend) for the SDK tests that kill and restart the frontend. Its frontends
/// issue access tokens that live one minute (the shortest allowed), so a refresh happens within a test.
/// </summary>
public sealed class SdkClusterFixture : IAsyncLifetime
{
    /// <summary>The settings every frontend of this cluster runs with, restarts included.</summary>
    public static readonly IReadOnlyDictionary<string, string> FrontendSettings = new Dictionary<string, string>
    {
        ["SUNDERFALL_Auth__AccessTokenLifetime"] = "00:01:00",
    };

    public GameCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Cluster = await GameCluster.StartAsync("sdk", siloCount: 1);
        await Cluster.RestartFrontendAsync(FrontendSettings);
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
