using System.Collections.Frozen;
using Sunderfall.Content.Definitions;
using Sunderfall.Content.Loading;

namespace Sunderfall.Content;

/// <summary>
/// Loads game content from a directory - zones/{id}.json, and arrays in monsters/, items/, abilities/ and classes/ - and validates
/// all of it, so that new zones and monsters need no code change and a mistake stops the server at start.
/// </summary>
public static class ContentLoader
{
    /// <summary>
    /// Reads and validates everything under <paramref name="directory"/>.
    /// </summary>
    /// <exception cref="ContentValidationException">Lists every problem found, each naming file, entry and field.</exception>
    public static ContentCatalog Load(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var root = Path.GetFullPath(directory);
        if (!Directory.Exists(root))
        {
            throw new ContentValidationException(
                [$"{root}: the content directory does not exist; it must hold zones/ and may hold monsters/, items/ and abilities/"]);
        }

        var errors = new ContentErrors();
        var reader = new ContentFileReader(root, errors);
        var zones = reader.ReadZones();
        var monsters = reader.ReadLists<MonsterDefinition>("monsters", "a monster");
        var items = reader.ReadLists<ItemDefinition>("items", "an item");
        var abilities = reader.ReadLists<AbilityDefinition>("abilities", "an ability");
        var classes = reader.ReadLists<ClassDefinition>("classes", "a class");

        foreach (var ability in abilities.Entries)
        {
            AbilityRules.Check(ability.Definition, ability.Checker(errors));
        }

        foreach (var item in items.Entries)
        {
            ItemRules.Check(item.Definition, item.Checker(errors));
        }

        foreach (var monster in monsters.Entries)
        {
            MonsterRules.Check(monster.Definition, monster.Checker(errors), abilities, items);
        }

        foreach (var characterClass in classes.Entries)
        {
            ClassRules.Check(characterClass.Definition, characterClass.Checker(errors), abilities);
        }

        CheckZones(zones, monsters, errors);

        if (errors.Count > 0)
        {
            throw new ContentValidationException(errors.All);
        }

        return new ContentCatalog(Index(zones), Index(monsters), Index(items), Index(abilities), Index(classes));
    }

    private static void CheckZones(
        ContentSet<ZoneDefinition> zones, ContentSet<MonsterDefinition> monsters, ContentErrors errors)
    {
        // Portals are checked against the maps of their target zones, so every map is checked first.
        var soundZones = new Dictionary<string, ZoneDefinition>(StringComparer.Ordinal);
        foreach (var zone in zones.Entries)
        {
            if (ZoneRules.CheckMap(zone.Definition, zone.Checker(errors)))
            {
                soundZones[zone.Id] = zone.Definition;
            }
        }

        foreach (var zone in zones.Entries)
        {
            var mapIsSound = soundZones.ContainsKey(zone.Id);
            ZoneRules.CheckPlaces(zone.Definition, zone.Checker(errors), mapIsSound, zones, soundZones, monsters);
        }
    }

    private static FrozenDictionary<string, T> Index<T>(ContentSet<T> set) =>
        set.Entries.ToFrozenDictionary(entry => entry.Id, entry => entry.Definition, StringComparer.Ordinal);
}
