using System.CommandLine;
using Sunderfall.Benchmarks.Zone;

var ticks = new Option<int>("--ticks") { Description = "ticks measured per configuration", DefaultValueFactory = _ => 1000 };
var seed = new Option<int>("--seed") { Description = "random seed (same seed, same workload)", DefaultValueFactory = _ => 7 };
var content = new Option<string>("--content") { Description = "content folder", DefaultValueFactory = _ => Path.Combine(AppContext.BaseDirectory, "content") };
var zone = new Command("zone", "zone tick cost against entity count, frontend fan-out, and wire bytes per client");
zone.Options.Add(ticks);
zone.Options.Add(seed);
zone.Options.Add(content);
zone.SetAction(result => ZoneReport.Run(result.GetValue(content)!, result.GetValue(ticks), result.GetValue(seed)));

var root = new RootCommand("Sunderfall benchmarks (run through ./bench.sh)");
root.Subcommands.Add(zone);
return root.Parse(args).Invoke();
