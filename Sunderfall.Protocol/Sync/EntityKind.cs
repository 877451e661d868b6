namespace Sunderfall.Protocol.Sync
{
    /// <summary>What an entity in a zone is. Numbers are part of the wire contract (one byte): never reuse one.</summary>
    public enum EntityKind : byte
    {
        /// <summary>A player character.</summary>
        Player = 0,
        /// <summary>A hostile creature.</summary>
        Monster = 1,
        /// <summary>A non-player character (vendor, quest giver).</summary>
        Npc = 2,
    }
}
