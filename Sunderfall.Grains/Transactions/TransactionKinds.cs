namespace Sunderfall.Grains.Transactions;

/// <summary>The kinds of transaction log entries (the kind column); support queries filter on them.</summary>
public static class TransactionKinds
{
    public const string AbilityUsed = "combat.ability";
    public const string MonsterKilled = "combat.kill";
    public const string PlayerDied = "combat.death";
    public const string EncounterEnded = "combat.encounter";
    public const string RewardGranted = "reward.granted";
    public const string RewardApplied = "reward.applied";
    public const string LevelUp = "progress.level";
    public const string ItemEquipped = "item.equipped";
    public const string ItemUnequipped = "item.unequipped";
    public const string ItemUsed = "item.used";
    public const string ItemDiscarded = "item.discarded";
    public const string PartyCreated = "party.created";
    public const string PartyInvited = "party.invited";
    public const string PartyJoined = "party.joined";
    public const string PartyDeclined = "party.declined";
    public const string PartyLeft = "party.left";
    public const string PartyKicked = "party.kicked";
    public const string PartyPromoted = "party.promoted";
    public const string PartyDisbanded = "party.disbanded";
    public const string ChatZone = "chat.zone";
    public const string ChatParty = "chat.party";
    public const string ChatWhisper = "chat.whisper";
}
