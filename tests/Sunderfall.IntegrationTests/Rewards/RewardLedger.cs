using Npgsql;
using Sunderfall.IntegrationTests.Infrastructure;

namespace Sunderfall.IntegrationTests.Rewards;

/// <summary>What PostgreSQL holds about one character's rewards, read with SQL.</summary>
public sealed record RewardLedger(int Grants, int Undelivered, long Gold, long Experience, int ItemCount, int LoggedGrants, int Encounters, int LoggedApplied)
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
                   count(DISTINCT encounter_id)::int,
                   (SELECT count(*)::int FROM transaction_log WHERE kind = 'reward.applied' AND actor_id = @player)
            FROM reward_grants WHERE player_id = @player
            """, db);
        command.Parameters.AddWithValue("player", playerId);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new RewardLedger(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt32(4), reader.GetInt32(5), reader.GetInt32(6), reader.GetInt32(7));
    }

    /// <summary>The encounters the player was granted a reward from.</summary>
    public static async Task<List<Guid>> EncountersOfAsync(Guid playerId)
    {
        await using var db = await GameCluster.OpenDatabaseAsync();
        await using var command = new NpgsqlCommand("SELECT encounter_id FROM reward_grants WHERE player_id = @player", db);
        command.Parameters.AddWithValue("player", playerId);
        var encounters = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            encounters.Add(reader.GetGuid(0));
        }

        return encounters;
    }
}
