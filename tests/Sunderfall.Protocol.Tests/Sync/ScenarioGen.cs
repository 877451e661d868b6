using CsCheck;
using Sunderfall.Protocol.Sync;

namespace Sunderfall.Protocol.Tests.Sync;

/// <summary>CsCheck generators for zones whose entities appear, move, jump, get hurt, vanish and come back.</summary>
internal static class ScenarioGen
{
    public const float ZoneSize = 1000f;

    // Whole strings so surrogate pairs and combining marks stay valid UTF-16.
    private static readonly string[] NamePieces =
    [
        "a", "Z", "7", " ", "-", "é", "ß", "Ω", "ж", "李", "龍", "ع", "ש", "e\u0301", "🐉", "👩‍🚀", "𝔊", "\u200d", "Æ",
    ];

    public static Gen<EntityKind> Kind { get; } = Gen.OneOf(EntityKind.Player, EntityKind.Monster, EntityKind.Npc);

    public static Gen<string> Name { get; } = Gen.Frequency(
        (8, Gen.OneOf(NamePieces).Array[0, 12].Select(string.Concat)),
        (1, Gen.Const("")),
        // Long enough that the name length needs a two-byte varint.
        (1, Gen.OneOf(NamePieces).Array[60, 90].Select(string.Concat)));

    public static Gen<float> Coordinate { get; } = Gen.Frequency(
        (6, Gen.Float[0f, ZoneSize]),
        (1, Gen.OneOf(0f, ZoneSize, 0.03125f, 0.09375f, 499.96875f)));

    // Extremes make health deltas cross the whole 32-bit range (the true state wraps; the client must follow).
    public static Gen<int> Health { get; } = Gen.Frequency(
        (9, Gen.Int[0, 1000]),
        (1, Gen.OneOf(int.MinValue, -1, int.MaxValue)));

    public static Gen<InitialEntity> Initial { get; } =
        Gen.Select(Gen.Bool, Kind, Name, Coordinate, Coordinate, Health, Health,
            (visible, kind, name, x, y, health, max) => new InitialEntity(visible, kind, name, x, y, health, max));

    public static Gen<EntityStep> Step { get; } = Gen.Frequency(
        (30, Gen.Const(EntityStep.Stay)),
        (40, Gen.Select(Gen.Float[-2f, 2f], Gen.Float[-2f, 2f])
            .Select((dx, dy) => new EntityStep(StepKind.Move, dx, dy, 0, EntityKind.Player, ""))),
        (5, Gen.Select(Coordinate, Coordinate)
            .Select((x, y) => new EntityStep(StepKind.Jump, x, y, 0, EntityKind.Player, ""))),
        (10, Gen.Int[-300, 300].Select(h => new EntityStep(StepKind.Hurt, 0f, 0f, h, EntityKind.Player, ""))),
        (2, Gen.Int[0, 100_000].Select(m => new EntityStep(StepKind.SetMaxHealth, 0f, 0f, m, EntityKind.Player, ""))),
        (8, Gen.Const(EntityStep.Toggle)),
        (4, Gen.Select(Kind, Name).Select((k, n) => new EntityStep(StepKind.Reincarnate, 0f, 0f, 0, k, n))));

    /// <summary>Zones of up to <paramref name="maxEntities"/> entities over up to <paramref name="maxTicks"/> ticks.</summary>
    public static Gen<ZoneScenario> Scenario(int maxEntities, int maxTicks) =>
        Gen.Select(Gen.Int[1, maxEntities], Gen.Int[1, maxTicks], Gen.OneOf(0, 31, 1_000, 100_000), Gen.Int[1, 3])
            .SelectMany((entities, ticks, idBase, stride) =>
                Gen.Select(Initial.Array[entities], Step.Array[entities].Array[ticks])
                    .Select((initial, steps) => new ZoneScenario(idBase, stride, initial, steps)));
}
