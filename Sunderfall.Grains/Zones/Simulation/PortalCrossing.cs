using Sunderfall.Content.Definitions;
using Sunderfall.Grains.Interfaces.Common;

namespace Sunderfall.Grains.Zones.Simulation;

/// <summary>A player who walked into a portal during a tick; the simulation has already removed it.</summary>
public sealed record PortalCrossing(Guid PlayerId, int NetId, PortalDefinition Portal, WorldPosition At);
