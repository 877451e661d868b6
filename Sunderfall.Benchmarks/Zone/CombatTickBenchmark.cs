using System.Collections.Frozen;
using System.Diagnostics;
using HdrHistogram;
using Sunderfall.Content;
using Sunderfall.Content.Definitions;
using Sunderfall.Grains.Interfaces.Common;
using Sunderfall.Grains.Interfaces.Players;
using Sunderfall.Grains.Interfaces.Zones;
using Sunderfall.Grains.Zones.Simulation;

namespace Sunderfall.Benchmarks.Zone;

/// <summary>
/// Times ZoneSimulation.Step with N players in parties of five, each party around its own monster (a 3,000-health
/// brute that bites back and respawns), every player striking once a second: ability checks, rolls, threat,
/// monster attacks, deaths, respawns and encounter endings with reward rolls. The baseline in the same run is the
/// same zone with the same players standing idle.
/// </summary>
internal static class CombatTickBenchmark
{
    private const int PartySize = 5;

    public static TickFigures Run(ContentCatalog repository, int players, int ticks, int seed, bool fighting)
    {
        var content = Arena(repository, players / PartySize);
        var simulation = new ZoneSimulation(content.Zones["bench-arena"], content, 5f, seed, 0.05f, "bench-arena/1");
        simulation.Step(0.05f);
        var monsters = simulation.Entities().Where(e => e.Kind == EntityKind.Monster).ToList();
        var members = new List<(Guid Id, int Monster)>();
        var profile = new CombatProfile(5, CharacterClass.Warrior, 400, 100, 20, 10, ["strike"], null);
        for (var i = 0; i < players; i++)
        {
            var monster = monsters[i / PartySize % monsters.Count];
            var angle = i % PartySize * (Math.PI * 2 / PartySize);
            var at = new WorldPosition(monster.X + (float)(2 * Math.Cos(angle)), monster.Y + (float)(2 * Math.Sin(angle)));
            var id = new Guid(i + 1, 0, 0, new byte[8]);
            simulation.AddPlayer(id, $"bot{i}", at, profile with { PartyId = new Guid(i / PartySize + 1, 1, 0, new byte[8]) });
            members.Add((id, monster.NetId));
        }

        var histogram = new LongHistogram(TimeStamp.Seconds(10), 3);
        long sequence = 0;
        long events = 0;
        for (var tick = -100; tick < ticks; tick++)
        {
            if (fighting && (tick + 1000) % 20 == 0)
            {
                // Every player strikes its party's monster once a second (refused while it respawns or they are dead).
                foreach (var (id, monster) in members)
                {
                    simulation.UseAbility(id, new AbilityRequest(++sequence, "strike", monster));
                }
            }

            var started = Stopwatch.GetTimestamp();
            var result = simulation.Step(0.05f);
            var elapsed = Stopwatch.GetTimestamp() - started;
            if (tick >= 0)
            {
                histogram.RecordValue(elapsed);
                events += result.Combat.Events.Count;
            }
        }

        return new TickFigures(players, monsters.Count, Ms(histogram.GetValueAtPercentile(50)), Ms(histogram.GetValueAtPercentile(99)),
            Ms(histogram.GetMaxValue()), (double)events / ticks);
    }

    // A 50 x 50 tile open field with one brute per party on a grid, and the repository's abilities.
    private static ContentCatalog Arena(ContentCatalog repository, int monsters)
    {
        var brute = new MonsterDefinition
        {
            Id = "brute", Name = "Brute", Level = 3, MaxHealth = 3000, Speed = 3f, AggroRadius = 3f, LeashRadius = 40f, WanderRadius = 0f,
            Abilities = ["bite"], ExperienceReward = 50, GoldMin = 1, GoldMax = 5,
            Loot = [new LootDefinition { Item = "wolf-pelt", Chance = 0.5f }],
        };
        var side = (int)Math.Ceiling(Math.Sqrt(monsters));
        var spawns = Enumerable.Range(0, monsters).Select(i => new SpawnPointDefinition
        {
            Monster = "brute", X = 20 + (i % side * (460f / side)), Y = 20 + (i / side * (460f / side)), Count = 1, Radius = 0, RespawnSeconds = 5,
        }).ToList();
        var zone = new ZoneDefinition
        {
            Id = "bench-arena", Name = "Bench Arena", TileSize = 10, Tiles = Enumerable.Repeat(new string('.', 50), 50).ToArray(),
            Spawn = new PointDefinition(250, 250), PopulationCap = 10_000, SpawnPoints = spawns,
        };
        return new ContentCatalog(
            new Dictionary<string, ZoneDefinition> { [zone.Id] = zone }.ToFrozenDictionary(),
            new Dictionary<string, MonsterDefinition> { [brute.Id] = brute }.ToFrozenDictionary(),
            repository.Items, repository.Abilities);
    }

    private static double Ms(long stopwatchTicks) => stopwatchTicks * 1000.0 / Stopwatch.Frequency;
}
