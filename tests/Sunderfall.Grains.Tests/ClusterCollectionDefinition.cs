using Xunit;

namespace Sunderfall.Grains.Tests;

/// <summary>Test classes in this collection share one <see cref="ClusterFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollectionDefinition : ICollectionFixture<ClusterFixture>
{
    public const string Name = "Orleans cluster";
}
