using Microsoft.Extensions.Options;
using Sunderfall.Content;
using Sunderfall.Content.Definitions;
using Sunderfall.Protocol.Content;

namespace Sunderfall.Frontend.WebClient;

/// <summary>
/// The game content as the browser client reads it, loaded and validated once on first use with the silos' loader.
/// A frontend whose content folder is missing or invalid still serves the game; only these lookups fail.
/// </summary>
public sealed class ClientContent(IOptions<ContentOptions> options, ILogger<ClientContent> logger)
{
    private readonly Lazy<ContentCatalog?> catalog = new(() => Load(options.Value, logger));

    /// <summary>False when the content could not be loaded (the reason is logged once).</summary>
    public bool Available => catalog.Value is not null;

    /// <summary>The map of a zone template, or null when there is no such zone.</summary>
    public ZoneMapInfo? Zone(string template) =>
        catalog.Value is { } content && content.Zones.TryGetValue(template, out var zone) ? ToWire(zone) : null;

    /// <summary>The zone template ids, sorted; empty when the content is unavailable.</summary>
    public IReadOnlyList<string> ZoneIds() =>
        catalog.Value is { } content ? [.. content.Zones.Keys.Order(StringComparer.Ordinal)] : [];

    /// <summary>Classes, player abilities and items; null when the content is unavailable.</summary>
    public GameCatalogInfo? Catalog()
    {
        if (catalog.Value is not { } content)
        {
            return null;
        }

        // Monster abilities are not in any class: only what players can use is listed.
        var playerAbilities = content.Classes.Values.SelectMany(c => c.Abilities).ToHashSet(StringComparer.Ordinal);
        return new GameCatalogInfo
        {
            Classes = [.. content.Classes.Values.OrderBy(c => c.Id, StringComparer.Ordinal)
                .Select(c => new ClassInfo { Id = c.Id, Name = c.Name, Abilities = [.. c.Abilities] })],
            Abilities = [.. content.Abilities.Values.Where(a => playerAbilities.Contains(a.Id)).OrderBy(a => a.Id, StringComparer.Ordinal)
                .Select(a => new AbilityInfo
                {
                    Id = a.Id, Name = a.Name, Target = a.Target, ResourceCost = a.ResourceCost,
                    CooldownSeconds = a.CooldownSeconds, Range = a.Range, CastSeconds = a.CastSeconds,
                })],
            Items = [.. content.Items.Values.OrderBy(i => i.Id, StringComparer.Ordinal)
                .Select(i => new ItemInfo { Id = i.Id, Name = i.Name, Kind = i.Kind, Slot = i.Slot, Heal = i.Heal })],
        };
    }

    private static ZoneMapInfo ToWire(ZoneDefinition zone) => new()
    {
        Id = zone.Id,
        Name = zone.Name,
        TileSize = zone.TileSize,
        Tiles = [.. zone.Tiles],
        Width = zone.Width,
        Height = zone.Height,
        Portals = [.. zone.Portals.Select(p => new PortalInfo { Id = p.Id, X = p.X, Y = p.Y, Radius = p.Radius, TargetZone = p.TargetZone })],
    };

    private static ContentCatalog? Load(ContentOptions options, ILogger logger)
    {
        try
        {
            return ContentLoader.Load(options.FullPath);
        }
        catch (ContentValidationException ex)
        {
            logger.LogError("frontend: the content in {Directory} is unusable, so /api/content answers 503: {Problems}",
                options.FullPath, string.Join("; ", ex.Errors));
            return null;
        }
    }
}
