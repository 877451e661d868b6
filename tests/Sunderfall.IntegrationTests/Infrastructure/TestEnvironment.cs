using Sunderfall.TestSupport.Smtp;

namespace Sunderfall.IntegrationTests.Infrastructure;

/// <summary>Where the real PostgreSQL and Redis started by ./test.sh are, and where the built programs live.</summary>
public static class TestEnvironment
{
    /// <summary>Npgsql connection string of the test database.</summary>
    public static string PostgresConnectionString => Required("SUNDERFALL_TEST_POSTGRES");

    /// <summary>The same database as the application role the silos and frontends run as.</summary>
    public static string AppConnectionString =>
        new Npgsql.NpgsqlConnectionStringBuilder(PostgresConnectionString) { Username = "sunderfall_app" }.ConnectionString;

    /// <summary>
    /// The key the test processes sign access tokens with: random per run, as the processes run as Production and
    /// refuse a key published in the repository.
    /// </summary>
    public static readonly string SigningKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48));

    /// <summary>
    /// The SMTP server (STARTTLS with a self-signed certificate, an SMTP login) every test frontend e-mails account
    /// recovery codes to: frontends run as Production and refuse to start without one. Started on first use, for the
    /// whole test run.
    /// </summary>
    public static Task<SmtpTestServer> Smtp => smtp.Value;

    private static readonly Lazy<Task<SmtpTestServer>> smtp = new(() => SmtpTestServer.StartAsync(startTls: true, requireLogin: true));

    /// <summary>The frontend settings that send recovery mail to <see cref="Smtp"/>.</summary>
    public static async Task<Dictionary<string, string>> SmtpSettingsAsync()
    {
        var server = await Smtp;
        return new Dictionary<string, string>
        {
            ["SUNDERFALL_Email__Host"] = "127.0.0.1",
            ["SUNDERFALL_Email__Port"] = server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SUNDERFALL_Email__Username"] = SmtpTestServer.Username,
            ["SUNDERFALL_Email__Password"] = SmtpTestServer.Password,
            ["SUNDERFALL_Email__From"] = "no-reply@sunderfall.test",
            ["SUNDERFALL_Email__TrustedCertificatePath"] = server.CertificatePath!,
        };
    }

    /// <summary>The key the test frontends encrypt authenticator secrets with (random per run).</summary>
    public static readonly string MfaKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    /// <summary>
    /// The CA of every test cluster's certificates, made once per run: each silo, frontend and test client gets a
    /// certificate of its own from it (processes run as Production, where Orleans connections need mutual TLS).
    /// </summary>
    public static ClusterCertificates ClusterCa => clusterCa.Value;

    private static readonly Lazy<ClusterCertificates> clusterCa = new(() => ClusterCertificates.Create("cluster"));

    /// <summary>StackExchange.Redis configuration string, e.g. 127.0.0.1:56380,password=... (./test.sh's Redis requires a password).</summary>
    public static string Redis => Required("SUNDERFALL_TEST_REDIS");

    /// <summary>The repository root (the folder holding Sunderfall.sln).</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>Debug or Release: whichever this test assembly was built as.</summary>
    public static string BuildConfiguration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    /// <summary>The built dll of one of the solution's programs.</summary>
    public static string ProgramPath(string project)
    {
        var path = Path.Combine(RepoRoot, project, "bin", BuildConfiguration, "net10.0", project + ".dll");
        return File.Exists(path) ? path : throw new InvalidOperationException($"{path} is missing: build the solution first (./test.sh does)");
    }

    /// <summary>A folder for the logs of processes the tests start.</summary>
    public static string LogDirectory { get; } = Directory.CreateDirectory(Path.Combine(FindRepoRoot(), "TestResults", "cluster-logs")).FullName;

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set: run the tests through ./test.sh, which starts PostgreSQL and Redis");

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Sunderfall.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Sunderfall.sln not found above " + AppContext.BaseDirectory);
    }
}
