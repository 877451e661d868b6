using Xunit;

namespace Sunderfall.Browser.Tests.Infrastructure;

/// <summary>Browser tests share one <see cref="WebCluster"/>: starting silos and Chromium once is most of the cost.</summary>
[CollectionDefinition(Name)]
public sealed class WebClusterDefinition : ICollectionFixture<WebCluster>
{
    public const string Name = "web cluster";
}
