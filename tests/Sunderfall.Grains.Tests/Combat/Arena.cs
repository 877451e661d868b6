using System.Collections.Frozen;
using Sunderfall.Content;
using Sunderfall.Content.Definitions;
using Sunderfall.Grains.Interfaces.Common;
using Sunderfall.Grains.Interfaces.Players;
using Sunderfall.Grains.Interfaces.Zones;
using Sunderfall.Grains.Zones.Simulation;

namespace Sunderfall.Grains.Tests.Combat;

/// <summary>
/// An open 20 x 20 tile zone (200 x 200 units, spawn at (5, 5)) with one or more dummies - monsters that never
/// wander or chase unless struck - at (100, 100), and the abilities the tests use.
/// </summary>
public sealed class Arena
{
    public const float Dt = 0.05f;

    public static readonly WorldPosition DummyAt = new(100f, 100f);

    public static readonly AbilityDefinition Strike = new() { Id = "strike", Name = "Strike", Damage = 12, CooldownSeconds = 1, Range = 2.5f };

    public static readonly AbilityDefinition Nuke = new() { Id = "nuke", Name = "Nuke", Damage = 500, ResourceCost = 40, CooldownSeconds = 10, Range = 20 };

    public static readonly AbilityDefinition Fireball = new()
    {
        Id = "fireball", Name = "Fireball", Damage = 30, ResourceCost = 20, CooldownSeconds = 6, Range = 25, CastSeconds = 1.5f, AreaRadius = 4,
    };

    public static readonly AbilityDefinition Mend = new() { Id = "mend", Name = "Mend", Target = "ally", Heal = 30, CooldownSeconds = 2, Range = 20 };

    public static readonly AbilityDefinition Bite = new() { Id = "bite", Name = "Bite", Damage = 40, CooldownSeconds = 1, Range = 2 };

    // tiles: the zone's 20 x 20 tile rows ('.' floor, '#' wall); all floor by default.
    public Arena(int dummies = 1, int seed = 7, int dummyHealth = 100, bool biting = false, string[]? tiles = null)
    {
        var dummy = new MonsterDefinition
        {
            Id = "dummy", Name = "Dummy", Level = 1, MaxHealth = dummyHealth, Speed = 3f, AggroRadius = biting ? 3f : 0f, LeashRadius = 50f, WanderRadius = 0f,
            ExperienceReward = 30, GoldMin = 10, GoldMax = 10, Abilities = biting ? ["bite"] : [],
            Loot = [new LootDefinition { Item = "pelt", Chance = 1f, Min = 2, Max = 2 }],
        };
        var zone = new ZoneDefinition
        {
            Id = "arena",
            Name = "Arena",
            TileSize = 10f,
            Tiles = tiles ?? Enumerable.Repeat(new string('.', 20), 20).ToArray(),
            Spawn = new PointDefinition(5f, 5f),
            SpawnPoints = [new SpawnPointDefinition { Monster = "dummy", X = DummyAt.X, Y = DummyAt.Y, Count = dummies, Radius = 0f, RespawnSeconds = 60f }],
        };
        Content = new ContentCatalog(
            new Dictionary<string, ZoneDefinition> { [zone.Id] = zone }.ToFrozenDictionary(),
            new Dictionary<string, MonsterDefinition> { [dummy.Id] = dummy }.ToFrozenDictionary(),
            new Dictionary<string, ItemDefinition> { ["pelt"] = new() { Id = "pelt", Name = "Pelt", Kind = "material", MaxStack = 20 } }.ToFrozenDictionary(),
            new[] { Strike, Nuke, Fireball, Mend, Bite }.ToFrozenDictionary(a => a.Id));
        Simulation = new ZoneSimulation(zone, Content, playerSpeed: 20f, seed, Dt, "arena/1");
        Simulation.Step(Dt);
        DummyNetIds = [.. Simulation.Entities().Where(e => e.Kind == EntityKind.Monster).Select(e => e.NetId)];
    }

    public ContentCatalog Content { get; }

    public ZoneSimulation Simulation { get; }

    public IReadOnlyList<int> DummyNetIds { get; }

    public int Dummy => DummyNetIds[0];

    public static CombatProfile Profile(Guid? party = null, int power = 10, int maxResource = 100, params string[] abilities) =>
        new(1, CharacterClass.Warrior, 100, maxResource, power, 0, abilities.Length == 0 ? ["strike", "nuke", "fireball", "mend"] : abilities, party);

    /// <summary>Adds a player at <paramref name="at"/> (beside the dummy by default) and returns its id and net id.</summary>
    public (Guid Id, int NetId) Join(WorldPosition? at = null, CombatProfile? profile = null)
    {
        var id = Guid.NewGuid();
        var netId = Simulation.AddPlayer(id, "P" + id.ToString("N")[..6], at ?? new WorldPosition(DummyAt.X - 2f, DummyAt.Y), profile ?? Profile());
        return (id, netId);
    }

    public ZoneTickResult Step() => Simulation.Step(Dt, DateTimeOffset.UnixEpoch.AddSeconds(Simulation.Tick * Dt));

    /// <summary>Steps until <paramref name="done"/> holds for a tick's result, at most <paramref name="seconds"/> of game time.</summary>
    public List<ZoneTickResult> StepUntil(Func<ZoneTickResult, bool> done, float seconds = 30f)
    {
        var results = new List<ZoneTickResult>();
        for (var i = 0; i < seconds / Dt; i++)
        {
            var result = Step();
            results.Add(result);
            if (done(result))
            {
                return results;
            }
        }

        throw new Xunit.Sdk.XunitException($"the arena did not reach the expected state within {seconds} s of game time");
    }

    public List<ZoneTickResult> StepFor(float seconds) => [.. Enumerable.Range(0, (int)MathF.Round(seconds / Dt)).Select(_ => Step())];

    public GameError? Use(Guid player, string ability, int target, long sequence = 1) =>
        Simulation.UseAbility(player, new AbilityRequest(sequence, ability, target));
}
