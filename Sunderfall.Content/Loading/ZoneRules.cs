using Sunderfall.Content.Definitions;

namespace Sunderfall.Content.Loading;

/// <summary>What a zone definition may hold: a sound map first, then places on it and links to other zones.</summary>
internal static class ZoneRules
{
    private const int MostTilesPerSide = 1000;

    /// <summary>Checks the zone's own fields; true when its map is sound enough to check positions against.</summary>
    public static bool CheckMap(ZoneDefinition zone, FieldChecker at)
    {
        at.Id("id", zone.Id);
        at.Name(zone.Name);
        at.Range("populationCap", zone.PopulationCap, 1, 10_000);
        at.Range("viewRadius", zone.ViewRadius, 1f, 500f);

        var before = at.ErrorCount;
        at.Range("tileSize", zone.TileSize, 1f, 100f);
        CheckTiles(zone.Tiles, at);
        return at.ErrorCount == before;
    }

    /// <summary>Checks the spawn, spawn points and portals; positions only when the zone's map is sound.</summary>
    public static void CheckPlaces(
        ZoneDefinition zone,
        FieldChecker at,
        bool mapIsSound,
        ContentSet<ZoneDefinition> zones,
        IReadOnlyDictionary<string, ZoneDefinition> soundZones,
        ContentSet<MonsterDefinition> monsters)
    {
        if (mapIsSound)
        {
            CheckPosition(at, "spawn.x", "spawn.y", "spawn", zone.Spawn.X, zone.Spawn.Y, zone, null);
        }

        for (var i = 0; i < zone.SpawnPoints.Count; i++)
        {
            var point = zone.SpawnPoints[i];
            var pointAt = at.Member("spawnPoints").Element(i, point.Monster);
            monsters.CheckReference(pointAt, "monster", point.Monster);
            pointAt.Range("count", point.Count, 1, 100);
            pointAt.Range("radius", point.Radius, 0f, 100f);
            pointAt.Range("respawnSeconds", point.RespawnSeconds, 0.1f, 86_400f);
            if (mapIsSound)
            {
                CheckPosition(pointAt, "x", "y", "x/y", point.X, point.Y, zone, null);
            }
        }

        var portalIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < zone.Portals.Count; i++)
        {
            var portal = zone.Portals[i];
            var portalAt = at.Member("portals").Element(i, portal.Id);
            portalAt.Id("id", portal.Id);
            if (!portalIds.Add(portal.Id))
            {
                portalAt.Error("id", $"'{portal.Id}' is used by an earlier portal of this zone; portal ids must be unique within a zone");
            }

            portalAt.Range("radius", portal.Radius, 0.5f, 50f);
            if (mapIsSound)
            {
                CheckPosition(portalAt, "x", "y", "x/y", portal.X, portal.Y, zone, null);
            }

            zones.CheckReference(portalAt, "targetZone", portal.TargetZone);
            if (soundZones.TryGetValue(portal.TargetZone, out var target))
            {
                CheckPortalTarget(portal, portalAt, target);
            }
        }
    }

    private static void CheckTiles(IReadOnlyList<string> tiles, FieldChecker at)
    {
        if (tiles.Count == 0)
        {
            at.Error("tiles", $"is empty; give rows of '{ZoneMap.Floor}' (floor) and '{ZoneMap.Wall}' (wall), one string per row");
            return;
        }

        if (tiles.Count > MostTilesPerSide)
        {
            at.Error("tiles", $"has {tiles.Count} rows; allowed 1..{MostTilesPerSide}");
        }

        var width = tiles[0].Length;
        var rows = at.Member("tiles");
        if (width == 0 || width > MostTilesPerSide)
        {
            rows.Element(0, null).Error($"is {width} tiles wide; allowed 1..{MostTilesPerSide}");
        }

        for (var row = 0; row < tiles.Count; row++)
        {
            var line = tiles[row];
            if (line.Length != width)
            {
                rows.Element(row, null).Error($"is {line.Length} tiles wide; every row must be as wide as tiles[0] ({width})");
                continue;
            }

            var column = line.AsSpan().IndexOfAnyExcept(ZoneMap.Floor, ZoneMap.Wall);
            if (column >= 0)
            {
                rows.Element(row, null).Error($"'{line[column]}' at column {column} is not a tile; allowed: '{ZoneMap.Floor}' (floor), '{ZoneMap.Wall}' (wall)");
            }
        }
    }

    private static void CheckPortalTarget(PortalDefinition portal, FieldChecker at, ZoneDefinition target)
    {
        if (!CheckPosition(at, "targetX", "targetY", "targetX/targetY", portal.TargetX, portal.TargetY, target, target.Id))
        {
            return;
        }

        // Arriving inside a portal of the target zone would move the player on at once, or back and forth forever.
        foreach (var other in target.Portals)
        {
            var distance = MathF.Sqrt(Square(portal.TargetX - other.X) + Square(portal.TargetY - other.Y));
            if (distance <= other.Radius)
            {
                at.Error(
                    "targetX/targetY",
                    $"{ContentText.Point(portal.TargetX, portal.TargetY)} is inside portal '{other.Id}' of {target.Id} " +
                    $"(radius {ContentText.Number(other.Radius)} around {ContentText.Point(other.X, other.Y)}); " +
                    "arriving players would be sent straight on; choose a point outside it");
            }
        }
    }

    /// <summary>Reports a point off the map or on a wall; true when it lies on floor.</summary>
    private static bool CheckPosition(
        FieldChecker at, string xField, string yField, string pointField, float x, float y, ZoneDefinition zone, string? zoneId)
    {
        var map = zoneId is null ? "the map" : $"the map of {zoneId}";
        var inside = true;
        if (!(x >= 0 && x < zone.Width))
        {
            at.Error(xField, $"{ContentText.Number(x)} is outside {map}; allowed 0 <= x < {ContentText.Number(zone.Width)}");
            inside = false;
        }

        if (!(y >= 0 && y < zone.Height))
        {
            at.Error(yField, $"{ContentText.Number(y)} is outside {map}; allowed 0 <= y < {ContentText.Number(zone.Height)}");
            inside = false;
        }

        if (!inside)
        {
            return false;
        }

        if (ZoneMap.IsFloor(zone, x, y))
        {
            return true;
        }

        var of = zoneId is null ? "" : $" of {zoneId}";
        var tile = ZoneMap.TryGetTile(zone, x, y, out var row, out var column)
            ? $" ('{zone.Tiles[row][column]}' at tiles[{row}] column {column})"
            : "";
        at.Error(pointField, $"{ContentText.Point(x, y)} is on a wall{of}{tile}; it must be on floor ('{ZoneMap.Floor}')");
        return false;
    }

    private static float Square(float value) => value * value;
}
