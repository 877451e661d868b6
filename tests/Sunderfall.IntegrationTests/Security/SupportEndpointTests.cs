using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Sunderfall.IntegrationTests.Infrastructure;
using Xunit;

namespace Sunderfall.IntegrationTests.Security;

/// <summary>
/// The support endpoints on a real frontend over the test database: a player's transactions, an encounter with its
/// grants, and the on-demand reconciliation (docs/support.md). Rows are written with SQL as the schema owner.
/// </summary>
[Collection(SharedClusterDefinition.Name)]
public sealed class SupportEndpointTests(SharedClusterFixture fixture)
{
    private const string ReplayedAction = "admin.encounter_replayed";

    private static readonly DateTimeOffset Noon = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly string[] PlayerAndModerator = ["player", "moderator"];

    private GameCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task Transactions_ForAPlayer_ListsWhatTheyDidAndWhatWasDoneToThemNewestFirstWithinTheRange()
    {
        var (player, other) = (Guid.NewGuid(), Guid.NewGuid());
        await LogAsync(Noon, "party.created", player);
        await LogAsync(Noon.AddMinutes(1), "chat.whisper", other, target: player);
        await LogAsync(Noon.AddMinutes(2), "item.discarded", player, details: """{"item": "wolf-pelt", "count": 2}""");
        await LogAsync(Noon.AddMinutes(3), "party.left", other);
        await LogAsync(Noon.AddHours(2), "party.joined", player);
        var admin = await Cluster.AdminAsync();

        using var all = await GetAsync(admin.AccessToken, $"/api/moderation/transactions?player={player}&from=2025-06-01T11:00:00Z&to=2025-06-01T13:00:00Z");
        using var discards = await GetAsync(admin.AccessToken, $"/api/moderation/transactions?player={player}&kind=item.discarded");
        using var newest = await GetAsync(admin.AccessToken, $"/api/moderation/transactions?player={player}&limit=1");

        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        var rows = (await all.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
        Assert.Equal(["item.discarded", "chat.whisper", "party.created"], rows.Select(r => r.GetProperty("kind").GetString()));
        Assert.Equal(other.ToString(), rows[1].GetProperty("actorId").GetString());
        Assert.Equal(player.ToString(), rows[1].GetProperty("targetId").GetString());
        Assert.Equal("wolf-pelt", rows[0].GetProperty("details").GetProperty("item").GetString());
        var discarded = Assert.Single((await discards.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());
        Assert.Equal("item.discarded", discarded.GetProperty("kind").GetString());
        var latest = Assert.Single((await newest.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());
        Assert.Equal("party.joined", latest.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Transactions_WithAMalformedQuery_IsRefusedSayingWhatIsAllowed()
    {
        var admin = await Cluster.AdminAsync();
        var player = Guid.NewGuid();

        using var noPlayer = await GetAsync(admin.AccessToken, "/api/moderation/transactions");
        using var badFrom = await GetAsync(admin.AccessToken, $"/api/moderation/transactions?player={player}&from=yesterday");
        using var backwards = await GetAsync(admin.AccessToken, $"/api/moderation/transactions?player={player}&from=2025-06-02T00:00:00Z&to=2025-06-01T00:00:00Z");
        using var badLimit = await GetAsync(admin.AccessToken, $"/api/moderation/transactions?player={player}&limit=1001");
        using var badKind = await GetAsync(admin.AccessToken, $"/api/moderation/transactions?player={player}&kind=DROP%20TABLE");

        Assert.Equal(HttpStatusCode.BadRequest, noPlayer.StatusCode);
        Assert.Contains("GUID", await noPlayer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badFrom.StatusCode);
        Assert.Contains("ISO 8601", await badFrom.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badLimit.StatusCode);
        Assert.Contains("1..1000", await badLimit.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badKind.StatusCode);
        Assert.Contains("a-z", await badKind.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SupportEndpoints_ForAPlayerAccount_AreForbidden()
    {
        var player = await Cluster.RegisterAsync();

        using var transactions = await GetAsync(player.AccessToken, $"/api/moderation/transactions?player={Guid.NewGuid()}");
        using var encounter = await GetAsync(player.AccessToken, $"/api/moderation/encounters/{Guid.NewGuid()}");
        using var replay = await GetAsync(player.AccessToken, $"/api/admin/encounters/{Guid.NewGuid()}/replay");
        using var http = Authorized(player.AccessToken);
        using var reconcile = await http.PostAsync(Cluster.Frontend.HttpUrl + "/api/admin/reconcile", null);

        Assert.Equal(HttpStatusCode.Forbidden, transactions.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, encounter.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, replay.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, reconcile.StatusCode);
    }

    [Fact]
    public async Task Replay_OfACommittedEncounter_SaysWhetherItsRecordRollsTheSameAgain_ForAdminsOnly()
    {
        var (honest, tampered) = (Guid.NewGuid(), Guid.NewGuid());
        // Neither record logs a hit or a kill, so replaying rolls no reward: the tampered one's grant came from nowhere.
        await CommitRecordAsync(honest, "[]");
        await CommitRecordAsync(tampered, $$"""
            [{"encounterId": "{{tampered}}", "playerId": "{{Guid.NewGuid()}}", "experience": 500, "gold": 9999, "items": [], "at": "2025-06-01T12:00:00Z"}]
            """);
        var admin = await Cluster.AdminAsync();
        var moderator = await ModeratorAsync(admin.AccessToken);

        using var same = await GetAsync(admin.AccessToken, $"/api/admin/encounters/{honest}/replay");
        using var different = await GetAsync(admin.AccessToken, $"/api/admin/encounters/{tampered}/replay");
        using var missing = await GetAsync(admin.AccessToken, $"/api/admin/encounters/{Guid.NewGuid()}/replay");
        using var malformed = await GetAsync(admin.AccessToken, "/api/admin/encounters/not-an-id/replay");
        using var asModerator = await GetAsync(moderator.AccessToken, $"/api/admin/encounters/{honest}/replay");

        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        var identical = await same.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((honest.ToString(), true), (identical.GetProperty("encounterId").GetString(), identical.GetProperty("identical").GetBoolean()));
        Assert.Equal(JsonValueKind.Null, identical.GetProperty("firstDifference").ValueKind);
        Assert.Equal(HttpStatusCode.OK, different.StatusCode);
        var changed = await different.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(changed.GetProperty("identical").GetBoolean());
        Assert.Equal("replay granted 0 players, the record 1", changed.GetProperty("firstDifference").GetString());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("was committed", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, asModerator.StatusCode);
        Assert.True(await GameClient.EventuallyAsync(
            () => GameCluster.AuditActionsAsync(admin.AccountId).GetAwaiter().GetResult().Count(a => a == ReplayedAction) >= 3,
            TimeSpan.FromSeconds(15)), "the replays never reached the audit log");
    }

    [Fact]
    public async Task Encounter_ShowsItsRecordAndEachGrantWithItsDelivery()
    {
        var (encounter, delivered, owed) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await using (var db = await GameCluster.OpenDatabaseAsync())
        {
            await using var command = new NpgsqlCommand("""
                INSERT INTO encounters (encounter_id, zone_id, ended_at, record) VALUES (@e, 'ashen-vale/1', @at, '{"seed": 7, "outcome": "won"}');
                INSERT INTO reward_grants (encounter_id, player_id, experience, gold, items, earned_at, delivered_at) VALUES
                    (@e, @delivered, 40, 7, '[{"itemId": "wolf-pelt", "count": 1}]', @at, now()),
                    (@e, @owed, 40, 5, '[]', @at, NULL);
                """, db);
            command.Parameters.AddWithValue("e", encounter);
            command.Parameters.AddWithValue("delivered", delivered);
            command.Parameters.AddWithValue("owed", owed);
            command.Parameters.AddWithValue("at", Noon.UtcDateTime);
            await command.ExecuteNonQueryAsync();
        }

        var admin = await Cluster.AdminAsync();

        using var found = await GetAsync(admin.AccessToken, $"/api/moderation/encounters/{encounter}");
        using var missing = await GetAsync(admin.AccessToken, $"/api/moderation/encounters/{Guid.NewGuid()}");
        using var malformed = await GetAsync(admin.AccessToken, "/api/moderation/encounters/not-an-id");

        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        var body = await found.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("ashen-vale/1", body.GetProperty("zoneId").GetString());
        Assert.Equal(7, body.GetProperty("record").GetProperty("seed").GetInt32());
        var grants = body.GetProperty("grants").EnumerateArray().ToDictionary(g => Guid.Parse(g.GetProperty("playerId").GetString()!));
        Assert.True(grants[delivered].GetProperty("delivered").GetBoolean());
        Assert.Equal("wolf-pelt", grants[delivered].GetProperty("items")[0].GetProperty("itemId").GetString());
        Assert.False(grants[owed].GetProperty("delivered").GetBoolean());
        Assert.Equal(JsonValueKind.Null, grants[owed].GetProperty("deliveredAt").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);

        // The owed grant belongs to no character: settle it, or every silo's sweeper keeps nudging a player that is not there.
        await using var settle = await GameCluster.OpenDatabaseAsync();
        await using var deliver = new NpgsqlCommand("UPDATE reward_grants SET delivered_at = now() WHERE encounter_id = @e AND delivered_at IS NULL", settle);
        deliver.Parameters.AddWithValue("e", encounter);
        await deliver.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task Reconcile_CharacterRicherThanItsGrants_IsFlaggedOnceAndListedWithTheFlags()
    {
        var player = Guid.NewGuid();
        await WriteCharacterAsync(player, """{"Name": "Midas", "Gold": 5000, "Bag": [], "Equipped": {}, "Overflow": []}""");
        var admin = await Cluster.AdminAsync();
        using var http = Authorized(admin.AccessToken);

        using var first = await http.PostAsync(Cluster.Frontend.HttpUrl + "/api/admin/reconcile", null);
        using var second = await http.PostAsync(Cluster.Frontend.HttpUrl + "/api/admin/reconcile", null);
        using var flags = await GetAsync(admin.AccessToken, $"/api/moderation/flags?player={player}&kind=impossible_resource");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var raised = Single(await first.Content.ReadFromJsonAsync<JsonElement>(), player);
        Assert.Equal(("gold", "5000", "0", true), (raised.GetProperty("resource").GetString(), raised.GetProperty("held").GetString(),
            raised.GetProperty("granted").GetString(), raised.GetProperty("newFlag").GetBoolean()));
        var repeated = Single(await second.Content.ReadFromJsonAsync<JsonElement>(), player);
        Assert.False(repeated.GetProperty("newFlag").GetBoolean());
        Assert.Equal(raised.GetProperty("flagId").GetInt64(), repeated.GetProperty("flagId").GetInt64());
        var flag = Assert.Single((await flags.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());
        Assert.Equal(3, flag.GetProperty("severity").GetInt32());
        Assert.Equal("gold", flag.GetProperty("details").GetProperty("resource").GetString());
    }

    // An encounter record as the encounter grain stores it (camelCase JSON of EncounterRecord), with these grants.
    private static async Task CommitRecordAsync(Guid encounter, string grantsJson)
    {
        var record = $$"""
            {"encounterId": "{{encounter}}", "zoneId": "ashen-vale/1", "seed": 1234, "startTick": 10, "endTick": 90,
             "endedAt": "2025-06-01T12:00:00Z", "participants": [], "hits": [], "kills": [], "grants": {{grantsJson}}}
            """;
        await using var db = await GameCluster.OpenDatabaseAsync();
        await using var command = new NpgsqlCommand(
            "INSERT INTO encounters (encounter_id, zone_id, ended_at, record) VALUES (@e, 'ashen-vale/1', @at, @record::jsonb)", db);
        command.Parameters.AddWithValue("e", encounter);
        command.Parameters.AddWithValue("at", Noon.UtcDateTime);
        command.Parameters.AddWithValue("record", record);
        await command.ExecuteNonQueryAsync();
    }

    // A new account made a moderator by the admin, signed in again so that its token carries the role.
    private async Task<Sunderfall.Protocol.Auth.AuthResponse> ModeratorAsync(string adminToken)
    {
        var account = await Cluster.RegisterAsync();
        using var http = Authorized(adminToken);
        using var promoted = await http.PutAsJsonAsync(Cluster.Frontend.HttpUrl + $"/api/admin/accounts/{account.Username}/roles", new { roles = PlayerAndModerator });
        Assert.Equal(HttpStatusCode.OK, promoted.StatusCode);
        return await Cluster.LoginAsync(account.Username);
    }

    private static JsonElement Single(JsonElement report, Guid player) =>
        Assert.Single(report.GetProperty("discrepancies").EnumerateArray(), d => d.GetProperty("playerId").GetString() == player.ToString());

    private static HttpClient Authorized(string accessToken)
    {
        var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return http;
    }

    private async Task<HttpResponseMessage> GetAsync(string accessToken, string path)
    {
        using var http = Authorized(accessToken);
        return await http.GetAsync(Cluster.Frontend.HttpUrl + path);
    }

    private static async Task LogAsync(DateTimeOffset at, string kind, Guid actor, Guid? target = null, string? details = null)
    {
        await using var db = await GameCluster.OpenDatabaseAsync();
        await using var command = new NpgsqlCommand(
            "INSERT INTO transaction_log (at, kind, actor_id, target_id, details) VALUES (@at, @kind, @actor, @target, @details::jsonb)", db);
        command.Parameters.AddWithValue("at", at.UtcDateTime);
        command.Parameters.AddWithValue("kind", kind);
        command.Parameters.AddWithValue("actor", actor);
        command.Parameters.AddWithValue("target", target is { } t ? t : DBNull.Value);
        command.Parameters.AddWithValue("details", details is null ? DBNull.Value : details);
        await command.ExecuteNonQueryAsync();
    }

    // As the Orleans ADO.NET provider stores a player grain: grain type "player", the Guid key as the two
    // little-endian halves of Guid.ToByteArray().
    private async Task WriteCharacterAsync(Guid player, string json)
    {
        var bytes = player.ToByteArray();
        await using var db = await GameCluster.OpenDatabaseAsync();
        await using var command = new NpgsqlCommand("""
            INSERT INTO grain_state (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_extension, payload, version)
            VALUES (@service, 'player', @n0, @n1, '', @payload::jsonb, 1)
            """, db);
        command.Parameters.AddWithValue("service", Cluster.ServiceId);
        command.Parameters.AddWithValue("n0", BitConverter.ToInt64(bytes, 0));
        command.Parameters.AddWithValue("n1", BitConverter.ToInt64(bytes, 8));
        command.Parameters.AddWithValue("payload", json);
        await command.ExecuteNonQueryAsync();
    }
}
