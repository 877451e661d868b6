using Sunderfall.Grains.Interfaces.Rewards;
using Sunderfall.Grains.Rewards;
using Sunderfall.Silo.Anomalies;
using Sunderfall.Silo.Rewards;
using Sunderfall.Silo.Tests.Database;
using Xunit;

namespace Sunderfall.Silo.Tests.Anomalies;

/// <summary>
/// The anomaly check on the real database. Each test works in an hour of its own, long ago, so other tests' rows
/// (written now) are outside its window.
/// </summary>
[Collection(PostgresCollectionDefinition.Name)]
public sealed class AnomalyDetectorTests(PostgresDatabase database)
{
    private static readonly AnomalyOptions Options = new() { Window = TimeSpan.FromHours(1), FactorOverMedian = 5, MinimumValue = 500, MinimumPopulation = 10 };

    private readonly AnomalyDetector detector = new(database.AppDataSource);

    [Fact]
    public async Task RunAsync_FlagsTheOnePlayerWhoseDamageWasFarAboveEveryoneElses_Once()
    {
        var hour = new DateTimeOffset(2001, 3, 4, 10, 0, 0, TimeSpan.Zero);
        var honest = Enumerable.Range(0, 15).Select(_ => Guid.NewGuid()).ToList();
        var cheater = Guid.NewGuid();
        foreach (var player in honest)
        {
            await AbilityAsync(player, hour.AddMinutes(10), 120);
            await AbilityAsync(player, hour.AddMinutes(40), 100);
        }

        await AbilityAsync(cheater, hour.AddMinutes(30), 9_000);
        // Outside the window: does not count.
        await AbilityAsync(honest[0], hour.AddHours(-2), 1_000_000);

        var first = await detector.RunAsync(hour.AddHours(1), Options);
        var again = await detector.RunAsync(hour.AddHours(1).AddMinutes(10), Options);

        var finding = Assert.Single(first);
        Assert.Equal((AnomalyDetector.DamageKind, cheater, 9000.0), (finding.Kind, finding.PlayerId, finding.Value));
        Assert.Empty(again);
        Assert.Equal(1, await FlagCountAsync(cheater, AnomalyDetector.DamageKind));
        Assert.Equal(0, await FlagCountAsync(honest[0], AnomalyDetector.DamageKind));
    }

    [Fact]
    public async Task RunAsync_FlagsExperienceFarAboveThePopulation_FromTheRewardLedger()
    {
        var hour = new DateTimeOffset(2002, 5, 6, 20, 0, 0, TimeSpan.Zero);
        var ledger = new PostgresRewardLedger(database.AppDataSource);
        var players = Enumerable.Range(0, 12).Select(_ => Guid.NewGuid()).ToList();
        var farmer = Guid.NewGuid();
        foreach (var player in players.Append(farmer))
        {
            var encounter = Guid.NewGuid();
            var experience = player == farmer ? 50_000 : 300;
            var grant = new RewardGrant(encounter, player, experience, 0, [], hour.AddMinutes(20));
            await ledger.CommitAsync(new EncounterCommit(encounter, "ashen-vale/1", hour.AddMinutes(20), "{}", [grant]));
        }

        var found = await detector.RunAsync(hour.AddHours(1), Options);

        var finding = Assert.Single(found, f => f.Kind == AnomalyDetector.ExperienceKind);
        Assert.Equal(farmer, finding.PlayerId);
        Assert.Equal(300, finding.Median);
    }

    private async Task AbilityAsync(Guid player, DateTimeOffset at, int amount)
    {
        await using var command = database.OwnerDataSource.CreateCommand(
            "INSERT INTO transaction_log (at, kind, actor_id, details) VALUES (@at, 'combat.ability', @player, jsonb_build_object('ability', 'strike', 'amount', @amount))");
        command.Parameters.AddWithValue("at", at.UtcDateTime);
        command.Parameters.AddWithValue("player", player);
        command.Parameters.AddWithValue("amount", amount);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<long> FlagCountAsync(Guid player, string kind)
    {
        await using var command = database.OwnerDataSource.CreateCommand("SELECT count(*) FROM cheat_flags WHERE player_id = @player AND kind = @kind");
        command.Parameters.AddWithValue("player", player);
        command.Parameters.AddWithValue("kind", kind);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
