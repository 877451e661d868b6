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

    /// <summary>The secrets the compose file requires, each with a test value (it has no defaults of its own).</summary>
    public static readonly IReadOnlyDictionary<string, string> Secrets = new Dictionary<string, string>
    {
        ["POSTGRES_PASSWORD"] = "test-owner-password",
        ["APP_DB_PASSWORD"] = "test-app-password",
        ["REDIS_PASSWORD"] = "test-redis-password",
        ["AUTH_SIGNING_KEY"] = "test-signing-key-of-more-than-thirty-two-bytes",
        ["MFA_SECRET_KEY"] = "dGVzdC1tZmEta2V5LXRoaXJ0eS10d28tYnl0ZXMtISE=",
        ["SMTP_HOST"] = "mail.example.com",
        ["SMTP_FROM"] = "no-reply@example.com",
        ["SMTP_USERNAME"] = "sunderfall",
        ["SMTP_PASSWORD"] = "test-smtp-password",
        // Not a secret, but required: the folder of scripts/cluster-certs.sh the members mount their certificates from.
        ["CLUSTER_TLS_DIR"] = "/srv/sunderfall/cluster-tls",
    };

    /// <summary>Runs docker-compose -f file args... from the repository root, with every secret set.</summary>
    public static Task<ProcessResult> RunAsync(string composeFile, params string[] arguments) =>
        RunAsync(composeFile, Secrets, arguments);

    /// <summary>Runs docker-compose -f file args... from the repository root with these variables only.</summary>
    public static async Task<ProcessResult> RunAsync(string composeFile, IReadOnlyDictionary<string, string> variables, params string[] arguments)
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
        foreach (var name in start.Environment.Keys.Where(k => k.EndsWith("_PASSWORD", StringComparison.Ordinal) || k.EndsWith("_IMAGE", StringComparison.Ordinal)
            || k.StartsWith("FRONTEND_", StringComparison.Ordinal) || k.StartsWith("SILO", StringComparison.Ordinal) || k is "AUTH_SIGNING_KEY" or "MFA_SECRET_KEY" or "COMPOSE_FILE" or "CLUSTER_TLS_DIR" || k.StartsWith("SMTP_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in variables)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{Executable} did not start.");
        return await ProcessResult.CollectAsync(process, start, Timeout);
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
