using Sunderfall.Content.Definitions;
using Sunderfall.Grains.Interfaces.Common;
using Sunderfall.Grains.Interfaces.Players;

namespace Sunderfall.Grains.Zones.Simulation;

/// <summary>A player who walked into a portal during a tick; the simulation has already removed it.
/// <see cref="Vitals"/> is its combat state as it crossed, carried to the target zone.</summary>
public sealed record PortalCrossing(Guid PlayerId, int NetId, PortalDefinition Portal, WorldPosition At, CharacterVitals Vitals);
