using Npgsql;
using Sunderfall.Stores.CheatFlags;

namespace Sunderfall.Silo.Anomalies;

/// <summary>
/// Issue #5's statistical anomaly flags: totals per player over a window - damage and healing done (the amounts of
/// combat.ability entries in the transaction log) and experience granted (reward_grants) - judged by
/// <see cref="AnomalyRule"/>, each finding raised as a cheat flag (damage_anomaly / experience_anomaly, severity 1:
/// worth a look, not proof) unless the same player was flagged for the same kind within the window.
/// </summary>
public sealed class AnomalyDetector(NpgsqlDataSource dataSource)
{
    private readonly CheatFlagStore flags = new(dataSource);

    public const string DamageKind = "damage_anomaly";
    public const string ExperienceKind = "experience_anomaly";

    private const string DamageTotals = """
        SELECT actor_id, sum((details->>'amount')::bigint)::float8
        FROM transaction_log
        WHERE kind = 'combat.ability' AND at >= @from AND at < @to AND jsonb_typeof(details->'amount') = 'number'
        GROUP BY actor_id
        """;

    private const string ExperienceTotals = """
        SELECT player_id, sum(experience)::float8
        FROM reward_grants
        WHERE earned_at >= @from AND earned_at < @to
        GROUP BY player_id
        """;

    /// <summary>Judges the window ending at <paramref name="until"/> and returns the findings flagged now.</summary>
    public async Task<IReadOnlyList<AnomalyFinding>> RunAsync(DateTimeOffset until, AnomalyOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var from = until - options.Window;
        var flagged = new List<AnomalyFinding>();
        foreach (var (kind, sql) in new[] { (DamageKind, DamageTotals), (ExperienceKind, ExperienceTotals) })
        {
            var totals = await TotalsAsync(sql, from, until, cancellationToken);
            foreach (var finding in AnomalyRule.Find(kind, totals, options))
            {
                if (await FlagAsync(finding, from, until, cancellationToken))
                {
                    flagged.Add(finding);
                }
            }
        }

        return flagged;
    }

    private async Task<List<(Guid PlayerId, double Value)>> TotalsAsync(string sql, DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("from", from.ToUniversalTime());
        command.Parameters.AddWithValue("to", until.ToUniversalTime());
        var totals = new List<(Guid, double)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            totals.Add((reader.GetGuid(0), reader.GetDouble(1)));
        }

        return totals;
    }

    // One flag per player and kind per window: a flag raised at or after the window's start covers it.
    private Task<bool> FlagAsync(AnomalyFinding finding, DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken) =>
        flags.InsertUnlessFlaggedSinceAsync(
            new CheatFlagReport(until, null, finding.PlayerId, finding.Kind, 1, (int)Math.Min(int.MaxValue, finding.Value),
                new Dictionary<string, object>(StringComparer.Ordinal)
                {
                    ["total"] = finding.Value,
                    ["median"] = finding.Median,
                    ["threshold"] = finding.Threshold,
                    ["population"] = finding.Population,
                    ["window_from"] = from.ToUniversalTime().ToString("O"),
                    ["window_to"] = until.ToUniversalTime().ToString("O"),
                }),
            from,
            cancellationToken);
}
