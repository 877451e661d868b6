using System.Diagnostics;
using Xunit;

namespace Sunderfall.Deployment.Tests.Kubernetes;

/// <summary>
/// Runs a program from the repository root and collects what it printed. A program that is not installed fails the
/// calling test: these checks must not pass by not running.
/// </summary>
internal static class ExternalCommand
{
    // npm ci on a fresh machine is the slow part (~20 s here).
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    public static async Task<ProcessResult> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            Assert.Fail($"{program} could not be started ({ex.Message}); it is needed to check deploy/kubernetes/.");
            throw;
        }

        using (process)
        {
            return await ProcessResult.CollectAsync(process, start, Timeout);
        }
    }
}
