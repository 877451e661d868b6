using Xunit;

namespace Sunderfall.Accounts.Tests.Database;

/// <summary>Tests that share one migrated database; each uses account names of its own.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollectionDefinition : ICollectionFixture<PostgresDatabase>
{
    public const string Name = "postgres";
}
