using Npgsql;
using Sunderfall.IntegrationTests.Infrastructure;

namespace Sunderfall.IntegrationTests.Rewards;

/// <summary>What PostgreSQL holds about one character's rewards, read with SQL.</summary>
public sealed record RewardLedger(int Grants, int Undelivered, long Gold, long Experience, int ItemCount, int LoggedGrants, int Encounters)
{
    public static async Task<RewardLedger> ReadAsync(Guid playerId)
    {
        await using var db = await GameCluster.OpenDatabaseAsync();
        await using var command = new NpgsqlCommand("""
            SELECT count(*)::int,
                   count(*) FILTER (WHERE delivered_at IS NULL)::int,
                   coalesce(sum(gold), 0)::bigint,
                   coalesce(sum(experience), 0)::bigint,
                   coalesce(sum((SELECT sum((i->>'count')::int) FROM jsonb_array_elements(items) i)), 0)::int,
                   (SELECT count(*)::int FROM transaction_log WHERE kind = 'reward.granted' AND actor_id = @player),
                   count(DISTINCT encounter_id)::int
            FROM reward_grants WHERE player_id = @player
            """, db);
        command.Parameters.AddWithValue("player", playerId);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new RewardLedger(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt32(4), reader.GetInt32(5), reader.GetInt32(6));
    }
}
