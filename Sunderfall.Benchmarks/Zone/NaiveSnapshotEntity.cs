namespace Sunderfall.Benchmarks.Zone;

/// <summary>An entity as a naive relay sends it every tick (public: MessagePack's contractless resolver needs it).</summary>
#pragma warning disable CA1515 // MessagePack's dynamic formatter only serializes public types.
public sealed class NaiveSnapshotEntity
#pragma warning restore CA1515
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public float X { get; set; }

    public float Y { get; set; }

    public int Health { get; set; }
}
