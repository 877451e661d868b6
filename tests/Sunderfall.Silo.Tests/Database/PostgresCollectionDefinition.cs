using Xunit;

namespace Sunderfall.Silo.Tests.Database;

/// <summary>Tests that share one migrated database; each uses ids of its own and looks only at its own rows.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollectionDefinition : ICollectionFixture<PostgresDatabase>
{
    public const string Name = "postgres";
}
