using System.Text.Json;

namespace Sunderfall.Silo.Tests.Reconciliation;

/// <summary>
/// Stored characters written straight into grain_state as the Orleans ADO.NET provider writes them: grain type
/// "player" (the state name), the Guid key split into the two little-endian halves of Guid.ToByteArray(), no key
/// extension, and PlayerState as plain JSON with its own property names.
/// </summary>
internal static class PlayerRows
{
    public const string ServiceId = "silo-tests";

    public static (long N0, long N1) KeyOf(Guid playerId)
    {
        var bytes = playerId.ToByteArray();
        return (BitConverter.ToInt64(bytes, 0), BitConverter.ToInt64(bytes, 8));
    }

    public static async Task WriteAsync(PostgresDatabase database, Guid playerId, object state, string serviceId = ServiceId)
    {
        var (n0, n1) = KeyOf(playerId);
        await database.ExecuteAsOwnerAsync("""
            INSERT INTO grain_state (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_extension, payload, version)
            VALUES (@service, 'player', @n0, @n1, '', @payload::jsonb, 1)
            ON CONFLICT ON CONSTRAINT pk_grain_state DO UPDATE SET payload = excluded.payload, version = grain_state.version + 1
            """,
            ("service", serviceId), ("n0", n0), ("n1", n1), ("payload", JsonSerializer.Serialize(state)));
    }
}
