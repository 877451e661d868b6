namespace Sunderfall.Frontend.Connections;

/// <summary>Why a connection was closed for not reading (the "reason" label of the dropped-connections counter).</summary>
public static class DropReasons
{
    /// <summary>Its queue of events would have passed Outbox:MaxQueuedEvents or Outbox:MaxQueuedBytes.</summary>
    public const string QueueFull = "queue_full";

    /// <summary>One write to it was in flight longer than Outbox:SendStallTimeout.</summary>
    public const string Stalled = "stalled";
}
