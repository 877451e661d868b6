using Sunderfall.Grains.Interfaces.Inventory;
using Sunderfall.Grains.Interfaces.Players;
using Sunderfall.Grains.Interfaces.Zones;
using Sunderfall.Grains.Inventory;
using Sunderfall.Grains.Progression;
using Sunderfall.Grains.Transactions;

namespace Sunderfall.Grains.Players;

// The character sheet and combat profile: derived from the saved character, pushed to the zone when they change.
public sealed partial class PlayerGrain
{
    // The sheet as of the last successful write: reads that interleave with a change never see it half done or unsaved.
    private CharacterSheet? savedSheet;

    public Task<CharacterSheet?> GetSheetAsync() => Task.FromResult(state.RecordExists ? savedSheet : null);

    public Task<CombatProfile?> GetCombatProfileAsync() => Task.FromResult(state.RecordExists ? Profile() : null);

    private CharacterSheet BuildSheet()
    {
        var character = state.State;
        return new CharacterSheet(
            Id,
            character.Name,
            character.Class,
            character.Level,
            character.Experience,
            ProgressionRules.ExperienceToAdvance(character.Level),
            character.Gold,
            rules.Stats(character.Class, character.Level, character.Equipped.Values),
            [.. character.Bag.OrderBy(s => s.Slot).Select(s => new InventoryItem(s.Slot, s.ItemId, s.Count))],
            world.Value.BagCapacity,
            new Dictionary<string, string>(character.Equipped, StringComparer.Ordinal),
            [.. character.Overflow.Select(o => new ItemCount(o.ItemId, o.Count))]);
    }

    private CombatProfile? Profile() =>
        savedSheet is { } sheet ? rules.Profile(sheet.Class, sheet.Level, sheet.Stats, partyId) : null;

    /// <summary>Tells the character's zone its new combat profile, if it is in the world.</summary>
    private Task PushProfileAsync() =>
        state.State.InWorld && Profile() is { } profile
            ? GrainFactory.GetGrain<IZoneGrain>(state.State.ZoneId).UpdateProfileAsync(Id, profile)
            : Task.CompletedTask;

    private Bag NewBag() => new(state.State.Bag, state.State.Overflow, world.Value.BagCapacity, content.Items);

    private void Record(string kind, Dictionary<string, object?> details) =>
        transactions.Append(new TransactionEntry(clock.GetUtcNow(), kind, Id, ZoneId: state.State.ZoneId, Details: details));
}
