using System.CommandLine;
using System.Text.Json;
using Sunderfall.LoadTest.Cluster;
using Sunderfall.LoadTest.Engine;
using Sunderfall.LoadTest.Runs;
using Sunderfall.ServiceDefaults.Security;

var target = new Option<LoadTarget>("--target") { Description = "sunderfall, relay or ping", DefaultValueFactory = _ => LoadTarget.Sunderfall };
var url = new Option<string>("--url") { Description = "the frontend's (or relay's) base URL", DefaultValueFactory = _ => "http://127.0.0.1:8080/" };
var scenario = new Option<Scenario>("--scenario") { Description = "spread, crowd, combat or churn", DefaultValueFactory = _ => Scenario.Spread };
var inputRate = new Option<double>("--input-rate") { Description = "movement inputs per bot per second", DefaultValueFactory = _ => 5 };
var ramp = new Option<double>("--ramp") { Description = "bots started per second", DefaultValueFactory = _ => 50 };
var output = new Option<string>("--out") { Description = "folder for the JSON and HTML reports", DefaultValueFactory = _ => "loadtest-results" };
var processes = new Option<string[]>("--process") { Description = "a server process to sample, name=pid (repeat)", AllowMultipleArgumentsPerToken = true };
var prefix = new Option<string?>("--prefix") { Description = "account name prefix (default: a fresh one per run)" };
var redis = new Option<string?>("--redis") { Description = "ping target: the cluster's Redis" };
var clusterId = new Option<string>("--cluster-id") { Description = "ping target: cluster id", DefaultValueFactory = _ => "sunderfall-dev" };
var serviceId = new Option<string>("--service-id") { Description = "ping target: service id", DefaultValueFactory = _ => "sunderfall" };
var clusterCert = new Option<string?>("--cluster-cert") { Description = "ping target: this client's cluster certificate (PEM), for a cluster with TLS" };
var clusterKey = new Option<string?>("--cluster-key") { Description = "ping target: the key of --cluster-cert (PEM)" };
var clusterCa = new Option<string?>("--cluster-ca") { Description = "ping target: the cluster CA (PEM) the silos' certificates must chain to" };
var chatEvery = new Option<double>("--chat-every") { Description = "seconds between a bot's chat lines (0: none)", DefaultValueFactory = _ => 30 };
var seed = new Option<int>("--seed") { Description = "seed of the bots' choices", DefaultValueFactory = _ => 7 };
var signUps = new Option<int>("--sign-up-concurrency") { Description = "account sign-ups in flight before each ramp", DefaultValueFactory = _ => 2 };
var plain = new Option<bool>("--plain") { Description = "no live table, progress lines only" };

var bots = new Option<int>("--bots") { Description = "bot count", DefaultValueFactory = _ => 100 };
var seconds = new Option<int>("--seconds") { Description = "hold time after the ramp-up", DefaultValueFactory = _ => 30 };
var start = new Option<int>("--start") { Description = "first bot count tried", DefaultValueFactory = _ => 250 };
var max = new Option<int>("--max") { Description = "largest bot count tried", DefaultValueFactory = _ => 4000 };
var resolution = new Option<int>("--resolution") { Description = "stop bisecting when pass and fail are this close", DefaultValueFactory = _ => 50 };
var hold = new Option<int>("--hold") { Description = "seconds each step is held", DefaultValueFactory = _ => 30 };
var settle = new Option<int>("--settle") { Description = "seconds between reaching a count and measuring it", DefaultValueFactory = _ => 5 };
var warmUp = new Option<int>("--warmup") { Description = "seconds the load (capacity: its first step) runs before it is measured (JIT warm-up)", DefaultValueFactory = _ => 0 };
var budget = new Option<double>("--budget-minutes") { Description = "stop searching after this long", DefaultValueFactory = _ => 15 };
var p99Limit = new Option<double?>("--p99-limit") { Description = "p99 limit in ms (default: 200 for crowd, 150 otherwise)" };

void Range<T>(Option<T> option, T min, T max) where T : struct, IComparable<T> => option.Validators.Add(result =>
{
    var value = result.GetValueOrDefault<T>();
    if (value.CompareTo(min) < 0 || value.CompareTo(max) > 0 || (value is double d && !double.IsFinite(d)))
    {
        result.AddError($"{option.Name} must be between {min} and {max}; it was {value}");
    }
});

Range(inputRate, 0.1, 60);
Range(ramp, 0.1, 1000);
Range(chatEvery, 0, 3600);
Range(signUps, 1, 64);
Range(bots, 1, 100_000);
Range(seconds, 1, 86_400);
Range(start, 1, 100_000);
Range(max, 1, 100_000);
Range(resolution, 1, 100_000);
Range(hold, 1, 3600);
Range(settle, 0, 3600);
Range(budget, 0.1, 1440);
Range(warmUp, 0, 3600);

LoadOptions Options(ParseResult r)
{
    var pids = new Dictionary<string, int>(StringComparer.Ordinal);
    foreach (var p in r.GetValue(processes) ?? [])
    {
        var parts = p.Split('=', 2);
        if (parts.Length != 2 || !int.TryParse(parts[1], out var pid))
        {
            throw new ArgumentException($"--process takes name=pid, e.g. silo1=1234; it was '{p}'");
        }

        pids[parts[0]] = pid;
    }

    var baseUrl = r.GetValue(url)!;
    return new LoadOptions
    {
        Target = r.GetValue(target),
        Scenario = r.GetValue(scenario),
        BaseUrl = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/"),
        InputsPerSecond = r.GetValue(inputRate),
        RampPerSecond = r.GetValue(ramp),
        AccountPrefix = r.GetValue(prefix) ?? "lt" + Guid.NewGuid().ToString("N")[..6],
        Processes = pids,
        Orleans = r.GetValue(redis) is { } redisAddress ? (redisAddress, r.GetValue(clusterId)!, r.GetValue(serviceId)!) : null,
        ClusterTls = r.GetValue(clusterCert) is { } certificate
            ? new ClusterTlsOptions { Enabled = true, CertificatePath = certificate, KeyPath = r.GetValue(clusterKey) ?? "", CaPath = r.GetValue(clusterCa) ?? "" }
            : null,
        ChatEverySeconds = r.GetValue(chatEvery),
        Seed = r.GetValue(seed),
        SignUpConcurrency = r.GetValue(signUps),
    };
}

Option[] common = [target, url, scenario, inputRate, ramp, output, processes, prefix, redis, clusterId, serviceId, clusterCert, clusterKey, clusterCa, chatEvery, seed, signUps, plain];
var commandLine = string.Join(' ', args);

var load = new Command("load", "ramp up to a bot count, hold it, report; ends with one JSON line");
foreach (var o in common.Concat([bots, seconds, warmUp]))
{
    load.Options.Add(o);
}

load.SetAction(async (r, ct) =>
{
    var result = await LoadRun.FixedAsync(
        Options(r), r.GetValue(bots), TimeSpan.FromSeconds(r.GetValue(seconds)), TimeSpan.FromSeconds(r.GetValue(warmUp)), r.GetValue(output)!, commandLine, !r.GetValue(plain), ct);
    Console.Error.WriteLine($"reports: {result.JsonPath} {result.HtmlPath}");
    Console.WriteLine(result.SummaryLine);
    if (result.Report.Window is { MinInGame: 0 } window)
    {
        // Not a measurement: nothing got in (the target is down, or refuses every bot).
        Console.Error.WriteLine($"no bot was in the game during the hold; errors: {(window.ErrorTotal == 0 ? "none in the hold, see sign_ups_failed" : string.Join(", ", window.Errors.Select(e => $"{e.Key} {e.Value}")))}");
        return 1;
    }

    return 0;
});

var capacity = new Command("capacity", "find the largest bot count held (all in game, no errors, p99 within the limit); ends with one JSON line");
foreach (var o in common.Concat([start, max, resolution, hold, settle, warmUp, budget, p99Limit]))
{
    capacity.Options.Add(o);
}

capacity.SetAction(async (r, ct) =>
{
    var options = Options(r);
    var limit = r.GetValue(p99Limit) ?? (options.Scenario == Scenario.Crowd ? 200 : 150);
    var plan = new CapacityPlan(r.GetValue(start), r.GetValue(max), r.GetValue(resolution), TimeSpan.FromSeconds(r.GetValue(hold)),
        TimeSpan.FromSeconds(r.GetValue(settle)), TimeSpan.FromMinutes(r.GetValue(budget)), limit, TimeSpan.FromSeconds(r.GetValue(warmUp)));
    var result = await LoadRun.CapacityAsync(options, plan, r.GetValue(output)!, commandLine, !r.GetValue(plain), ct);
    Console.Error.WriteLine($"reports: {result.JsonPath} {result.HtmlPath}");
    Console.WriteLine(result.SummaryLine);
    return 0;
});

var sunderfallResult = new Option<string>("--sunderfall") { Description = "the JSON line of Sunderfall's capacity run", Required = true };
var relayResult = new Option<string>("--relay") { Description = "the JSON line of the relay's capacity run", Required = true };
var compare = new Command("compare", "one JSON line comparing two capacity results (files holding their JSON lines)");
compare.Options.Add(scenario);
compare.Options.Add(sunderfallResult);
compare.Options.Add(relayResult);
compare.SetAction(r =>
{
    using var ours = JsonDocument.Parse(File.ReadAllText(r.GetValue(sunderfallResult)!));
    using var theirs = JsonDocument.Parse(File.ReadAllText(r.GetValue(relayResult)!));
    var a = ours.RootElement.GetProperty("capacity").GetInt32();
    var b = theirs.RootElement.GetProperty("capacity").GetInt32();
    Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["scenario"] = LoadRun.Name(r.GetValue(scenario)),
        ["sunderfall_capacity"] = a,
        ["naive_relay_capacity"] = b,
        ["ratio_vs_naive_relay"] = b == 0 ? null : Math.Round((double)a / b, 2),
        ["p99_ms_at_capacity"] = JsonSerializer.Deserialize<double?>(ours.RootElement.GetProperty("p99_ms_at_capacity")),
        ["entity_updates_per_s_at_capacity"] = JsonSerializer.Deserialize<double?>(ours.RootElement.GetProperty("entity_updates_per_s_at_capacity")),
        ["naive_relay_p99_ms_at_capacity"] = JsonSerializer.Deserialize<double?>(theirs.RootElement.GetProperty("p99_ms_at_capacity")),
    }));
    return 0;
});

var source = new Option<string>("--source") { Description = "the content folder to copy", DefaultValueFactory = _ => "content" };
var contentOut = new Option<string>("--to") { Description = "where to write the scenario's content", Required = true };
var content = new Command("content", "write a copy of the game content for a scenario (population caps, combat's wolf packs)");
content.Options.Add(scenario);
content.Options.Add(source);
content.Options.Add(contentOut);
content.SetAction(r =>
{
    ContentGenerator.Generate(r.GetValue(source)!, r.GetValue(contentOut)!, r.GetValue(scenario));
    return 0;
});

var root = new RootCommand("Sunderfall load tester: bot players against Sunderfall, the naive relay or a ping grain (./bench.sh load | capacity)");
root.Subcommands.Add(load);
root.Subcommands.Add(capacity);
root.Subcommands.Add(compare);
root.Subcommands.Add(content);
return await root.Parse(args).InvokeAsync();
