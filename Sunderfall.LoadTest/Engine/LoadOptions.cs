using Sunderfall.ServiceDefaults.Security;

namespace Sunderfall.LoadTest.Engine;

/// <summary>One load run: what to drive, how, and where to report.</summary>
public sealed class LoadOptions
{
    /// <summary>What the bots play against.</summary>
    public LoadTarget Target { get; init; } = LoadTarget.Sunderfall;

    /// <summary>How the bots play.</summary>
    public Scenario Scenario { get; init; } = Scenario.Spread;

    /// <summary>The frontend's (or relay's) base URL.</summary>
    public Uri BaseUrl { get; init; } = new("http://127.0.0.1:8080/");

    /// <summary>Movement inputs each bot sends per second.</summary>
    public double InputsPerSecond { get; init; } = 5;

    /// <summary>Bots started per second while ramping up.</summary>
    public double RampPerSecond { get; init; } = 50;

    /// <summary>Players per zone instance in the relay (Sunderfall's cap comes from its content).</summary>
    public int PlayersPerZone { get; init; } = 35;

    /// <summary>Accounts are named {prefix}{index}; a prefix per run gives fresh accounts.</summary>
    public string AccountPrefix { get; init; } = "lt" + Guid.NewGuid().ToString("N")[..6];

    /// <summary>The password of every bot account.</summary>
    public string Password { get; init; } = "load-test-password-42";

    /// <summary>Seed of the bots' choices (where they walk, when they chat and leave).</summary>
    public int Seed { get; init; } = 7;

    /// <summary>Seconds between two zone chat lines of one bot (0: no chat).</summary>
    public double ChatEverySeconds { get; init; } = 30;

    /// <summary>Shortest and longest stay of a churning bot, seconds.</summary>
    public (double Min, double Max) ChurnStaySeconds { get; init; } = (10, 30);

    /// <summary>Server processes to sample (name to PID) for CPU and memory.</summary>
    public IReadOnlyDictionary<string, int> Processes { get; init; } = new Dictionary<string, int>();

    /// <summary>Orleans cluster of the ping target: Redis, cluster id, service id.</summary>
    public (string Redis, string ClusterId, string ServiceId)? Orleans { get; init; }

    /// <summary>The ping target's cluster certificate and CA (mutual TLS, as every cluster outside Development has); null: plain.</summary>
    public ClusterTlsOptions? ClusterTls { get; init; }

    /// <summary>The zone's size in units, for where bots walk.</summary>
    public (float Width, float Height) ZoneSize { get; init; } = (1000, 1000);

    /// <summary>Set by the engine: counts what the bots receive.</summary>
    internal Microsoft.Extensions.Logging.ILoggerFactory? ByteCounter { get; set; }

    /// <summary>How long a bot may take to connect and enter the world once it is signed up.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long one sign-up (account creation or login) may take, queueing on the server included.</summary>
    public TimeSpan SignUpTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>
    /// Sign-ups in flight at once before the bots of a step start. Accounts are created before the ramp, as returning
    /// players have theirs: a sign-up costs a password hash, which the server bounds (Auth:MaxConcurrentPasswordHashes).
    /// </summary>
    public int SignUpConcurrency { get; init; } = 2;
}
