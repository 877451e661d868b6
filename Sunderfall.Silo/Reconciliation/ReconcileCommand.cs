using System.Text.Json;
using Npgsql;
using Sunderfall.ServiceDefaults.Clustering;
using Sunderfall.ServiceDefaults.Configuration;
using Sunderfall.Silo.Hosting;
using Sunderfall.Stores.Support;

namespace Sunderfall.Silo.Reconciliation;

/// <summary>
/// <c>dotnet Sunderfall.Silo.dll reconcile [--service ID | --all-services]</c>: one run of the reconciliation job
/// (<see cref="ResourceReconciler"/>) against Storage:ConnectionString, without starting a silo. Used after a restore
/// (scripts/restore-drill.sh) and by operators. Prints the discrepancies (at most 20) on standard error and one JSON
/// line on standard output; exits 0 when the check ran (whatever it found), 1 when the database refused, 2 on bad usage.
/// </summary>
public static class ReconcileCommand
{
    /// <summary>The first argument that selects this command instead of running a silo.</summary>
    public const string Name = "reconcile";

    private const int MaxPrinted = 20;

    /// <summary>Runs the command with the arguments after <see cref="Name"/>.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddJsonFile("appsettings.json", optional: true);
        builder.AddSunderfallConfiguration();
        var cluster = builder.Configuration.GetSection(ClusteringOptions.SectionName).Get<ClusteringOptions>() ?? new ClusteringOptions();
        string? service = cluster.ServiceId;
        switch (args)
        {
            case []:
                break;
            case ["--all-services"]:
                service = null;
                break;
            case ["--service", var id] when !string.IsNullOrWhiteSpace(id):
                service = id;
                break;
            default:
                await Console.Error.WriteLineAsync(
                    $"usage: Sunderfall.Silo {Name} [--service ID | --all-services]  (default: Cluster:ServiceId, '{cluster.ServiceId}'); it was: {string.Join(' ', args)}");
                return 2;
        }

        var storage = builder.Configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        if (string.IsNullOrWhiteSpace(storage.ConnectionString))
        {
            await Console.Error.WriteLineAsync($"{Name}: Storage:ConnectionString is not set (set {SunderfallConfiguration.EnvironmentName("Storage:ConnectionString")})");
            return 2;
        }

        IReadOnlyList<ResourceDiscrepancy> found;
        try
        {
            await using var dataSource = NpgsqlDataSource.Create(storage.ConnectionString);
            found = await new ResourceReconciler(dataSource).RunAsync(service);
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or ArgumentException)
        {
            await Console.Error.WriteLineAsync($"{Name}: failed: {ex.Message}");
            return 1;
        }

        foreach (var d in found.Take(MaxPrinted))
        {
            await Console.Error.WriteLineAsync($"{Name}: character {d.PlayerId} holds {d.Held} of {d.Resource} but was granted {d.Granted} (flag {d.FlagId}{(d.NewFlag ? ", new" : "")})");
        }

        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["service"] = service,
            ["discrepancies"] = found.Count,
            ["characters"] = found.Select(d => d.PlayerId).Distinct().Count(),
            ["new_flags"] = found.Count(d => d.NewFlag),
        }));
        return 0;
    }
}
