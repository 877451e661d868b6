using Xunit;

namespace Sunderfall.IntegrationTests.Infrastructure;

/// <summary>Tests in this collection share one <see cref="SharedClusterFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class SharedClusterDefinition : ICollectionFixture<SharedClusterFixture>
{
    public const string Name = "shared cluster";
}
