using Xunit;

namespace Sunderfall.Grains.Tests.Players;

/// <summary>Test classes in this collection share one <see cref="FlakyLedgerClusterFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class FlakyLedgerCollectionDefinition : ICollectionFixture<FlakyLedgerClusterFixture>
{
    public const string Name = "Orleans cluster with a flaky reward ledger";
}
