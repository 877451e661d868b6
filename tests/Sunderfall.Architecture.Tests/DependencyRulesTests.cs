using System.Text.RegularExpressions;
using Xunit;

namespace Sunderfall.Architecture.Tests;

/// <summary>
/// The dependency rules of the README's "Architecture" and STYLE.md: grains are reached only through their
/// interfaces, grain code never talks SQL, and the frontend's HTTP handlers call stores instead of opening
/// connections. Each rule names what broke it.
/// </summary>
public sealed partial class DependencyRulesTests
{
    /// <summary>The frontend folders whose files are HTTP or hub handlers.</summary>
    private static readonly string[] FrontendEndpointFolders = ["SignIn/", "Operations/", "Game/", "Edge/", "WebClient/"];

    /// <summary>The projects that run SQL of their own.</summary>
    private static readonly string[] SqlRunningProjects = ["Sunderfall.Frontend", "Sunderfall.Silo", "Sunderfall.Grains", "Sunderfall.Accounts"];

    private readonly Solution solution = Solution.Load();

    [Fact]
    public void Frontend_DoesNotReferenceTheGrains()
    {
        var closure = solution.ProjectClosure("Sunderfall.Frontend");

        Assert.DoesNotContain("Sunderfall.Grains", closure);
        Assert.Contains("Sunderfall.Grains.Interfaces", closure);
    }

    [Fact]
    public void Grains_DoNotReferenceNpgsql()
    {
        Assert.DoesNotContain("Npgsql", solution.PackageClosure("Sunderfall.Grains"));
        var offenders = solution.Sources("Sunderfall.Grains").Where(s => NpgsqlUse().IsMatch(s.Text)).Select(s => s.RelativePath).ToList();
        Assert.True(offenders.Count == 0, $"Sunderfall.Grains must reach PostgreSQL only through ports (IRewardLedger, ITransactionLog ...); these files use Npgsql: {string.Join(", ", offenders)}");
    }

    [Fact]
    public void GrainInterfaces_ReferenceOnlyTheOrleansSdk()
    {
        Assert.Empty(solution.ProjectClosure("Sunderfall.Grains.Interfaces"));
        Assert.Equal(["Microsoft.Orleans.Sdk"], solution.PackageClosure("Sunderfall.Grains.Interfaces").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void FrontendEndpointFiles_DoNotOpenDatabaseConnections()
    {
        var endpointFiles = solution.Sources("Sunderfall.Frontend")
            .Where(s => FrontendEndpointFolders.Any(folder => s.RelativePath.StartsWith(folder, StringComparison.Ordinal)))
            .ToList();
        var offenders = endpointFiles.Where(s => NpgsqlAccess().IsMatch(s.Text)).Select(s => s.RelativePath).ToList();

        Assert.NotEmpty(endpointFiles);
        Assert.True(offenders.Count == 0, $"endpoints call stores (Sunderfall.Stores, Sunderfall.Accounts); these files open connections or run commands: {string.Join(", ", offenders)}");
    }

    [Fact]
    public void CheatFlagsTable_IsWrittenOnlyByItsStore()
    {
        var writers = SqlRunningProjects
            .SelectMany(p => solution.Sources(p).Select(s => (File: $"{p}/{s.RelativePath}", s.Text)))
            .Where(s => CheatFlagsSql().IsMatch(s.Text))
            .Select(s => s.File)
            .ToList();

        Assert.True(writers.Count == 0, $"cheat_flags belongs to Sunderfall.Stores/CheatFlags; these files run SQL on it: {string.Join(", ", writers)}");
    }

    [GeneratedRegex(@"^\s*using\s+Npgsql\b|\bNpgsql(Connection|DataSource|Command)\b", RegexOptions.Multiline)]
    private static partial Regex NpgsqlUse();

    [GeneratedRegex(@"\bNpgsql(Connection|DataSource|Command|BinaryImporter)\b|\bOpenConnectionAsync\b|\bCreateCommand\(")]
    private static partial Regex NpgsqlAccess();

    [GeneratedRegex(@"(INSERT\s+INTO|UPDATE|DELETE\s+FROM|COPY|FROM)\s+cheat_flags\b", RegexOptions.IgnoreCase)]
    private static partial Regex CheatFlagsSql();
}
