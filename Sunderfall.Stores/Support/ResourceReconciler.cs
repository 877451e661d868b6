using Npgsql;

namespace Sunderfall.Stores.Support;

/// <summary>
/// Runs the reconciliation of issue #5 ("items and gold only ever come from recorded grants"): the database function
/// reconcile_resources (migration 0005) reads every stored player grain's gold and items (bag, equipped, overflow),
/// compares them with the sums of that character's reward grants, and raises an impossible_resource cheat flag
/// (severity 3) for each resource held beyond what was granted, at most once a day per character and resource. The
/// logic lives in the database so the silos' job and the frontend's admin endpoint run the very same check.
/// </summary>
public sealed class ResourceReconciler(NpgsqlDataSource dataSource)
{
    /// <summary>The cheat flag kind raised for a discrepancy.</summary>
    public const string FlagKind = "impossible_resource";

    // A full scan of the characters and the grants: allow more than the default 30 s on a large database.
    private const int CommandTimeoutSeconds = 600;

    /// <summary>
    /// Checks the characters of <paramref name="serviceId"/> (all services' when null) and returns every discrepancy,
    /// flagged now or earlier today, ordered by character and resource.
    /// </summary>
    public async Task<IReadOnlyList<ResourceDiscrepancy>> RunAsync(string? serviceId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT player_id, account_id, resource, held::text, granted::text, flag_id, new_flag
            FROM reconcile_resources(@service)
            """);
        command.CommandTimeout = CommandTimeoutSeconds;
        command.Parameters.Add(new NpgsqlParameter<string?>("service", NpgsqlTypes.NpgsqlDbType.Text) { TypedValue = serviceId });
        var found = new List<ResourceDiscrepancy>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(new ResourceDiscrepancy(
                reader.GetGuid(0),
                reader.IsDBNull(1) ? null : reader.GetGuid(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.GetInt64(5),
                reader.GetBoolean(6)));
        }

        return found;
    }
}
