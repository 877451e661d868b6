using Sunderfall.Grains.Interfaces.Combat;
using Sunderfall.Grains.Interfaces.Zones;

namespace Sunderfall.Grains.Combat;

/// <summary>What combat produced in one tick: events for clients, finished encounters, and facts for the transaction log.</summary>
public sealed class ZoneCombatOutput
{
    public List<CombatEvent> Events { get; } = [];

    public List<EncounterRecord> Finished { get; } = [];

    public List<PlayerNotice> Vitals { get; } = [];

    /// <summary>Players whose accepted ability use did not land, each with the refusal (AbilityFizzled notices).</summary>
    public List<PlayerNotice> Fizzles { get; } = [];

    /// <summary>
    /// Players' ability uses that landed: who, which ability, on which net id (and which character, when the target is a
    /// player: the healed ally, or the healer itself), in which encounter, and the damage or healing done.
    /// </summary>
    public List<(Guid PlayerId, string AbilityId, int TargetNetId, Guid? TargetPlayerId, Guid? EncounterId, int Amount)> Uses { get; } = [];

    /// <summary>Monsters killed: which kind, in which encounter, by whom (the killing blow; Guid.Empty for none).</summary>
    public List<(string MonsterId, Guid EncounterId, Guid KillerId)> Kills { get; } = [];

    /// <summary>Players killed, and in which encounter.</summary>
    public List<(Guid PlayerId, Guid EncounterId)> Deaths { get; } = [];

    /// <summary>Net ids whose health changed (or who were moved by a respawn) and must be sent even if they did not walk.</summary>
    public HashSet<int> Changed { get; } = [];

    public void Clear()
    {
        Events.Clear();
        Finished.Clear();
        Vitals.Clear();
        Fizzles.Clear();
        Uses.Clear();
        Kills.Clear();
        Deaths.Clear();
        Changed.Clear();
    }
}
