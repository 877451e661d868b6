using Sunderfall.Grains.Interfaces.Players;
using Sunderfall.Protocol.Characters;
using Sunderfall.Protocol.Errors;
using ErrorCode = Sunderfall.Protocol.Errors.ErrorCode;

namespace Sunderfall.Frontend.Game;

/// <summary>The character sheet and the bag: checked here for form only; the player grain applies the item rules.</summary>
public sealed partial class GameHub
{
    /// <summary>Highest bag slot accepted before the player grain checks it against the bag's real size.</summary>
    private const int MaxBagSlotInput = 1000;

    /// <summary>Most items one call may discard before the player grain checks what the slot holds.</summary>
    private const int MaxItemCountInput = 10_000;

    /// <summary>Longest equipment slot name accepted (the slot names are short words such as "weapon").</summary>
    private const int MaxEquipmentSlotInput = 16;

    public async Task<CallResult<CharacterSheetInfo>> GetCharacterSheet()
    {
        if (registry.FindInWorld(Context.ConnectionId) is not { } session)
        {
            return NotInWorld<CharacterSheetInfo>("to see the character sheet");
        }

        return await client.GetGrain<IPlayerGrain>(session.PlayerId).GetSheetAsync() is { } sheet
            ? CallResult<CharacterSheetInfo>.Success(SocialWireMapping.ToWire(sheet))
            : CallResult<CharacterSheetInfo>.Failure(ErrorCode.CharacterNotFound, $"no character has the id {session.PlayerId}");
    }

    public async Task<CallResult<CharacterSheetInfo>> EquipItem(int bagSlot)
    {
        if (registry.FindInWorld(Context.ConnectionId) is not { } session)
        {
            return NotInWorld<CharacterSheetInfo>("to equip items");
        }

        if (BagSlotRefusal(bagSlot) is { } refusal)
        {
            return refusal;
        }

        var result = await client.GetGrain<IPlayerGrain>(session.PlayerId).EquipAsync(bagSlot);
        return WireMapping.ToCallResult(result, SocialWireMapping.ToWire);
    }

    public async Task<CallResult<CharacterSheetInfo>> UnequipItem(string? equipmentSlot)
    {
        if (registry.FindInWorld(Context.ConnectionId) is not { } session)
        {
            return NotInWorld<CharacterSheetInfo>("to unequip items");
        }

        if (equipmentSlot is null || equipmentSlot.Length is 0 or > MaxEquipmentSlotInput)
        {
            return CallResult<CharacterSheetInfo>.Failure(
                ErrorCode.InvalidArgument, $"equipmentSlot must be an equipment slot name of 1-{MaxEquipmentSlotInput} characters, e.g. weapon");
        }

        // Slot names are lower case on the wire; any case is accepted, as for class names.
        var result = await client.GetGrain<IPlayerGrain>(session.PlayerId).UnequipAsync(equipmentSlot.ToLowerInvariant());
        return WireMapping.ToCallResult(result, SocialWireMapping.ToWire);
    }

    public async Task<CallResult<CharacterSheetInfo>> UseItem(int bagSlot)
    {
        if (registry.FindInWorld(Context.ConnectionId) is not { } session)
        {
            return NotInWorld<CharacterSheetInfo>("to use items");
        }

        if (BagSlotRefusal(bagSlot) is { } refusal)
        {
            return refusal;
        }

        var result = await client.GetGrain<IPlayerGrain>(session.PlayerId).UseItemAsync(bagSlot);
        return WireMapping.ToCallResult(result, SocialWireMapping.ToWire);
    }

    public async Task<CallResult<CharacterSheetInfo>> DiscardItem(int bagSlot, int count)
    {
        if (registry.FindInWorld(Context.ConnectionId) is not { } session)
        {
            return NotInWorld<CharacterSheetInfo>("to discard items");
        }

        if (BagSlotRefusal(bagSlot) is { } refusal)
        {
            return refusal;
        }

        if (count is < 1 or > MaxItemCountInput)
        {
            return CallResult<CharacterSheetInfo>.Failure(
                ErrorCode.InvalidArgument, $"count is {count}; it must be 1-{MaxItemCountInput} and at most what the bag slot holds");
        }

        var result = await client.GetGrain<IPlayerGrain>(session.PlayerId).DiscardAsync(bagSlot, count);
        return WireMapping.ToCallResult(result, SocialWireMapping.ToWire);
    }

    private static CallResult<CharacterSheetInfo>? BagSlotRefusal(int bagSlot) => bagSlot is < 0 or > MaxBagSlotInput
        ? CallResult<CharacterSheetInfo>.Failure(
            ErrorCode.InvalidArgument, $"bagSlot is {bagSlot}; bag slots are numbered from 0 to the bag's capacity minus 1 (see the character sheet)")
        : null;

    /// <summary>The refusal of a call that needs a character in the world on a connection that has none.</summary>
    private static CallResult<T> NotInWorld<T>(string purpose)
        where T : class => CallResult<T>.Failure(ErrorCode.NotInWorld, $"enter the world with a character {purpose}");
}
