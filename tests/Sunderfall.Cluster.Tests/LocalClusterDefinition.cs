using Xunit;

namespace Sunderfall.Cluster.Tests;

/// <summary>The tests that share the cluster of deploy/cluster.sh.</summary>
[CollectionDefinition(Name)]
public sealed class LocalClusterDefinition : ICollectionFixture<LocalCluster>
{
    public const string Name = "local cluster";
}
