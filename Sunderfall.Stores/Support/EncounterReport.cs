using System.Text.Json;

namespace Sunderfall.Stores.Support;

/// <summary>A committed encounter (a row of encounters) and what it granted.</summary>
public sealed record EncounterReport(
    Guid EncounterId, string ZoneId, DateTimeOffset EndedAt, DateTimeOffset CommittedAt, JsonElement Record, IReadOnlyList<GrantRow> Grants);
