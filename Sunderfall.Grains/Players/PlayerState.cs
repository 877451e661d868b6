using Sunderfall.Grains.Interfaces.Players;
using Sunderfall.Grains.Inventory;

namespace Sunderfall.Grains.Players;

/// <summary>
/// The durable character, stored as plain JSON in PostgreSQL. Keep the property names plain and stable: a
/// reconciliation job reads Gold, Bag (Slot, ItemId, Count), Equipped and Overflow (ItemId, Count) with SQL.
/// [GenerateSerializer] also puts it on Orleans' list of allowed types, which storage using Orleans' default (Newtonsoft,
/// with type names) serializer, as the test silos' memory storage does, needs to read it back.
/// </summary>
[GenerateSerializer, Alias("sf.PlayerState")]
public sealed class PlayerState
{
    [Id(0)]
    public string Name { get; set; } = "";

    [Id(1)]
    public CharacterClass Class { get; set; }

    [Id(2)]
    public int Level { get; set; }

    [Id(3)]
    public string ZoneId { get; set; } = "";

    [Id(4)]
    public float X { get; set; }

    [Id(5)]
    public float Y { get; set; }

    [Id(6)]
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The account that owns the character.</summary>
    [Id(7)]
    public Guid OwnerAccountId { get; set; }

    /// <summary>True between entering and leaving the world (a crash leaves it true until the next stay).</summary>
    [Id(8)]
    public bool InWorld { get; set; }

    /// <summary>Counts the stays in the world; see CharacterSnapshot.WorldSession.</summary>
    [Id(9)]
    public long WorldSession { get; set; }

    /// <summary>Experience gathered into the current level (0 at the level cap).</summary>
    [Id(10)]
    public long Experience { get; set; }

    [Id(11)]
    public long Gold { get; set; }

    /// <summary>The occupied bag slots, ordered by slot.</summary>
    [Id(12)]
    public List<BagSlot> Bag { get; set; } = [];

    /// <summary>Worn item ids by equipment slot (weapon, head...).</summary>
    [Id(13)]
    public Dictionary<string, string> Equipped { get; set; } = [];

    /// <summary>Items that did not fit in the bag, oldest first; they move in as soon as there is room.</summary>
    [Id(14)]
    public List<OverflowItem> Overflow { get; set; } = [];

    /// <summary>
    /// Ids of reward grants applied to this character and not yet known to be marked delivered in the reward ledger:
    /// a grant delivered again while its id is here is recognised and not applied twice.
    /// </summary>
    [Id(15)]
    public List<string> AppliedGrantIds { get; set; } = [];

    /// <summary>
    /// What each grant in <see cref="AppliedGrantIds"/> did, saved in the same write: its reward.applied and
    /// progress.level log entries are written when it is marked delivered, which may be a later delivery that only
    /// recognises it (the activation that applied it was lost). Missing for grants applied before it was kept.
    /// </summary>
    [Id(16)]
    public List<AppliedGrantState> AppliedGrants { get; set; } = [];

    /// <summary>
    /// Health, resource, cooldowns and death as the zone last saved them (with the position); null until the first
    /// save from a zone, and a character without them enters full. Offline time restores none of it.
    /// </summary>
    [Id(17)]
    public CharacterVitals? Vitals { get; set; }
}
