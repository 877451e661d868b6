using Sunderfall.Protocol.Sync;

namespace Sunderfall.Protocol.Tests.Sync;

/// <summary>An entity of a generated zone before the first tick.</summary>
internal readonly record struct InitialEntity(bool Visible, EntityKind Kind, string Name, float X, float Y, int Health, int MaxHealth);
