using Sunderfall.Grains.Interfaces.Common;

namespace Sunderfall.Grains.Combat;

/// <summary>A living entity an ability may be aimed at: its net id and where it stands.</summary>
internal readonly record struct ZoneCombatTarget(int NetId, WorldPosition Position);
