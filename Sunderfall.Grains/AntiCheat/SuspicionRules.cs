namespace Sunderfall.Grains.AntiCheat;

/// <summary>
/// The kinds of suspicious event a zone can observe and the rules that turn them into flags. Movement is intent-based
/// (clients send directions, never positions), so speed and teleport hacks cannot happen; what remains observable is
/// input no honest client sends, inputs sent too fast, walking into walls far more than normal play does, and
/// abilities fired faster than their cooldowns or resources allow.
/// </summary>
public static class SuspicionRules
{
    /// <summary>Inputs refused by <see cref="Zones.Simulation.InputRules"/>: NaN or infinite directions, over-long directions, negative sequences.</summary>
    public const string MalformedInput = "malformed_input";

    /// <summary>Movement inputs arriving faster than any client needs to send them.</summary>
    public const string InputFlood = "input_flood";

    /// <summary>Moves the zone clipped at a wall or the zone's edge (one per input held against it).</summary>
    public const string WallClip = "wall_clip";

    /// <summary>Ability uses refused because the ability was still cooling down or the resource was short.</summary>
    public const string CooldownBypass = "cooldown_bypass";

    /// <summary>At most one flag per player and kind within this time: a persistent cheater raises a flag a minute, not a storm.</summary>
    public static readonly TimeSpan FlagCooldown = TimeSpan.FromSeconds(60);

    /// <summary>The official client normalises its direction and counts sequences up, so a few malformed inputs a minute are already deliberate.</summary>
    public static readonly SuspicionRule MalformedInputRule = new(
        MalformedInput, 5, TimeSpan.FromSeconds(60), 1, 3, "at least 5 malformed inputs within 60 s");

    /// <summary>Clients send an input when the direction changes (about 5-10 a second at most); 30 a second for 2 seconds is a bot or a flood.</summary>
    public static readonly SuspicionRule InputFloodRule = new(
        InputFlood, 30, TimeSpan.FromSeconds(1), 2, 2, "at least 30 inputs a second, 2 seconds running");

    /// <summary>Players bump into walls, but 2 clipped inputs a second for a whole minute is probing for a way through.</summary>
    public static readonly SuspicionRule WallClipRule = new(
        WallClip, 120, TimeSpan.FromSeconds(60), 1, 1, "at least 120 moves clipped at walls within 60 s");

    /// <summary>
    /// The official client greys out abilities until they are ready, so refusals come from a slow connection or key
    /// mashing at worst (a few, now and then); 30 within 10 s is a client firing faster than the rules allow.
    /// </summary>
    public static readonly SuspicionRule CooldownBypassRule = new(
        CooldownBypass, 30, TimeSpan.FromSeconds(10), 1, 2, "at least 30 ability uses refused for cooldown or resource within 10 s");

    /// <summary>Every rule a zone applies.</summary>
    public static readonly IReadOnlyList<SuspicionRule> Default = [MalformedInputRule, InputFloodRule, WallClipRule, CooldownBypassRule];
}
