namespace Sunderfall.Grains.Interfaces.Players;

/// <summary>The playable classes.</summary>
public enum CharacterClass
{
    /// <summary>Melee, heavy armour.</summary>
    Warrior = 1,
    /// <summary>Ranged physical damage.</summary>
    Ranger = 2,
    /// <summary>Ranged spells.</summary>
    Mage = 3,
    /// <summary>Healing and support.</summary>
    Cleric = 4,
}
