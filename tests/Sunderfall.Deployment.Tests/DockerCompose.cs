using System.Diagnostics;
using Xunit;

namespace Sunderfall.Deployment.Tests;

/// <summary>
/// Runs Debian's docker-compose (1.29), which validates and resolves a compose file without a Docker engine.
/// A missing docker-compose fails the calling test: these checks must not pass by not running.
/// </summary>
internal static class DockerCompose
{
    public const string ComposeFile = "docker/docker-compose.yml";

    private const string Executable = "docker-compose";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>Runs docker-compose -f file args... from the repository root.</summary>
    public static async Task<ProcessResult> RunAsync(string composeFile, params string[] arguments)
    {
        var start = new ProcessStartInfo(FindExecutable())
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("--file");
        start.ArgumentList.Add(composeFile);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Interpolation must see the compose file's own defaults, not whatever this shell happens to export.
        start.Environment.Remove("POSTGRES_PASSWORD");
        start.Environment.Remove("COMPOSE_FILE");

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{Executable} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{Executable} {string.Join(' ', start.ArgumentList)} did not finish within {Timeout.TotalSeconds} s.");
        }

        return new ProcessResult(process.ExitCode, await stdout, await stderr);
    }

    private static string FindExecutable()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, Executable);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        Assert.Fail(
            $"{Executable} is not installed (not found on PATH), so {ComposeFile} cannot be validated. " +
            $"Install it with: DEBIAN_FRONTEND=noninteractive apt-get install -y docker-compose (test.sh does this).");
        return Executable;
    }
}
