using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Npgsql;
using Sunderfall.IntegrationTests.Infrastructure;
using Sunderfall.Protocol;
using Sunderfall.Protocol.Characters;
using Sunderfall.Protocol.Errors;
using Xunit;
using ErrorCode = Sunderfall.Protocol.Errors.ErrorCode;

namespace Sunderfall.IntegrationTests.Security;

/// <summary>
/// Server-side anti-cheat on a real cluster: suspicious actions are refused, counted and, past a threshold, flagged in
/// cheat_flags, which moderators read and review through /api/moderation/flags.
/// </summary>
[Collection(SharedClusterDefinition.Name)]
public sealed class CheatFlagTests(SharedClusterFixture fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    private GameCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task Move_TenNaNDirections_AreRefusedLeaveThePlayerInPlaceAndRaiseAMalformedInputFlagThatModeratorsSee()
    {
        await using var cheater = await Cluster.ConnectAsync();
        var (character, _) = await cheater.CreateAndEnterAsync("NaN");
        Assert.True(await GameClient.EventuallyAsync(() => cheater.Self() is not null, Wait), "the character never appeared");

        for (var sequence = 1; sequence <= 10; sequence++)
        {
            await cheater.SendRawMoveAsync(sequence, float.NaN, 0f);
        }

        Assert.True(await GameClient.EventuallyAsync(() => cheater.Errors.Count >= 10, Wait), $"only {cheater.Errors.Count} of 10 errors came back");
        await Task.Delay(300);
        var flag = await FlagRowAsync(Guid.Parse(character.Id), "malformed_input");
        var admin = await Cluster.AdminAsync();
        var player = await Cluster.RegisterAsync();
        using var asAdmin = await GetFlagsAsync(admin.AccessToken, $"?player={character.Id}&kind=malformed_input");
        using var asPlayer = await GetFlagsAsync(player.AccessToken, $"?player={character.Id}");

        Assert.All(cheater.Errors, e => Assert.Equal(ErrorCode.InvalidArgument, e.Code));
        Assert.Equal((500f, 500f), (cheater.Self()!.Value.X, cheater.Self()!.Value.Y));
        Assert.NotNull(flag);
        Assert.Equal(3, flag.Value.Severity);
        Assert.InRange(flag.Value.Count, 5, 10);
        Assert.Equal(HttpStatusCode.OK, asAdmin.StatusCode);
        var listed = Assert.Single((await asAdmin.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());
        Assert.Equal(flag.Value.Id, listed.GetProperty("id").GetInt64());
        Assert.Equal(character.Id, listed.GetProperty("playerId").GetString());
        Assert.Equal("malformed_input", listed.GetProperty("kind").GetString());
        Assert.StartsWith("ashen-vale/", listed.GetProperty("details").GetProperty("zone").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("reviewedAt").ValueKind);
        Assert.Equal(HttpStatusCode.Forbidden, asPlayer.StatusCode);
    }

    [Fact]
    public async Task ReviewFlag_ByAModerator_MarksItReviewedOnceAndIsAudited()
    {
        var id = await InsertFlagAsync(Guid.NewGuid(), "wall_clip");
        var admin = await Cluster.AdminAsync();
        using var http = Authorized(admin.AccessToken);

        using var reviewed = await http.PostAsJsonAsync(Cluster.Frontend.HttpUrl + $"/api/moderation/flags/{id}/review", new { note = "walks into walls, no exploit" });
        using var again = await http.PostAsync(Cluster.Frontend.HttpUrl + $"/api/moderation/flags/{id}/review", null);
        using var missing = await http.PostAsync(Cluster.Frontend.HttpUrl + "/api/moderation/flags/999999999/review", null);
        var audited = await GameClient.EventuallyAsync(
            () => GameCluster.AuditActionsAsync(admin.AccountId).GetAwaiter().GetResult().Contains("admin.flag_reviewed"), Wait);

        Assert.Equal(HttpStatusCode.OK, reviewed.StatusCode);
        var body = await reviewed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(admin.AccountId, body.GetProperty("reviewedBy").GetString());
        Assert.Equal(JsonValueKind.String, body.GetProperty("reviewedAt").ValueKind);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.True(audited, "the review never reached the audit log");
    }

    [Fact]
    public async Task ListFlags_WithAMalformedQuery_IsRefusedSayingWhatIsAllowed()
    {
        var admin = await Cluster.AdminAsync();

        using var badPlayer = await GetFlagsAsync(admin.AccessToken, "?player=not-a-guid");
        using var badLimit = await GetFlagsAsync(admin.AccessToken, "?limit=0");
        using var badKind = await GetFlagsAsync(admin.AccessToken, "?kind=DROP%20TABLE");

        Assert.Equal(HttpStatusCode.BadRequest, badPlayer.StatusCode);
        Assert.Contains("GUID", await badPlayer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badLimit.StatusCode);
        Assert.Contains("1..1000", await badLimit.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badKind.StatusCode);
    }

    [Fact]
    public async Task Hub_FloodedUntilDisconnected_RecordsAHubFloodFlagForTheAccountAndCharacter()
    {
        var account = await Cluster.RegisterAsync();
        await using var flooder = await Cluster.ConnectAsync(account: account);
        var (character, _) = await flooder.CreateAndEnterAsync("Flood");

        for (var i = 0; i < 600 && flooder.Connection.State == HubConnectionState.Connected; i++)
        {
            await flooder.MoveAsync(0f, 0f);
        }

        Assert.True(await GameClient.EventuallyAsync(() => flooder.Connection.State == HubConnectionState.Disconnected, Wait), "the flooder was never disconnected");
        var flag = await FlagRowAsync(Guid.Parse(character.Id), "hub_flood");
        Assert.NotNull(flag);
        Assert.Equal(Guid.Parse(account.AccountId), flag.Value.AccountId);
        Assert.True(flag.Value.Count > 200, $"count {flag.Value.Count} is not past the abuse threshold of 200");
    }

    [Fact]
    public async Task Move_SpeedHackWithAnOversizedDirection_IsRefusedLeavesThePlayerInPlaceAndIsFlagged()
    {
        await using var cheater = await Cluster.ConnectAsync();
        var (character, _) = await cheater.CreateAndEnterAsync("Speed");
        Assert.True(await GameClient.EventuallyAsync(() => cheater.Self() is not null, Wait), "the character never appeared");

        // (3, 4) asks for 5 times the walking speed.
        for (var sequence = 1; sequence <= 6; sequence++)
        {
            await cheater.SendRawMoveAsync(sequence, 3f, 4f);
        }

        Assert.True(await GameClient.EventuallyAsync(() => cheater.Errors.Count >= 6, Wait), $"only {cheater.Errors.Count} of 6 errors came back");
        var flag = await FlagRowAsync(Guid.Parse(character.Id), "malformed_input");

        Assert.All(cheater.Errors, e => Assert.Equal(ErrorCode.InvalidArgument, e.Code));
        Assert.Contains("has length 5; it must be at most 1", cheater.Errors.First().Message, StringComparison.Ordinal);
        Assert.Equal((500f, 500f), (cheater.Self()!.Value.X, cheater.Self()!.Value.Y));
        Assert.NotNull(flag);
        Assert.Equal(3, flag.Value.Severity);
    }

    [Fact]
    public async Task Teleport_ThroughAMadeUpMethodOrMoveWithAPosition_IsRefusedSayingWhatIsAllowed_NeverMovesThePlayer_AndIsFlagged()
    {
        var account = await Cluster.RegisterAsync();
        await using var cheater = await Cluster.ConnectAsync(account: account);
        var (character, _) = await cheater.CreateAndEnterAsync("Blink");
        Assert.True(await GameClient.EventuallyAsync(() => cheater.Self() is not null, Wait), "the character never appeared");

        var invoked = await cheater.Connection.InvokeAsync<CallResult<CharacterInfo>>("Teleport", 900f, 900f);
        await cheater.Connection.SendAsync("SetPosition", 900f, 900f);
        await cheater.Connection.SendAsync(HubNames.Move, 1L, 1f, 0f, 900f, 900f);
        await cheater.Connection.SendAsync(HubNames.Move, 2L, "900", "900");
        var reserved = await cheater.Connection.InvokeAsync<CallResult<CharacterInfo>>("$refused", "Move", true);

        Assert.True(await GameClient.EventuallyAsync(() => cheater.Errors.Count >= 3, Wait), $"only {cheater.Errors.Count} of 3 errors came back");
        var flag = await FlagRowAsync(Guid.Parse(character.Id), "invalid_invocation");
        await Task.Delay(300);

        Assert.False(invoked.Ok);
        Assert.Equal(ErrorCode.InvalidArgument, invoked.Error!.Code);
        Assert.Contains("'Teleport' is not a game hub method", invoked.Error.Message, StringComparison.Ordinal);
        // The method the guard turns refusals into cannot be called directly either.
        Assert.Equal(ErrorCode.InvalidArgument, reserved.Error!.Code);
        Assert.Contains("'$refused' is not a game hub method", reserved.Error.Message, StringComparison.Ordinal);
        var errors = cheater.Errors.ToList();
        Assert.All(errors, e => Assert.Equal(ErrorCode.InvalidArgument, e.Code));
        Assert.Contains(errors, e => e.Message.Contains("'SetPosition' is not a game hub method", StringComparison.Ordinal));
        Assert.Equal(2, errors.Count(e => e.Message.Contains("do not fit Move(long sequence, float dirX, float dirY)", StringComparison.Ordinal)));
        Assert.Equal((500f, 500f), (cheater.Self()!.Value.X, cheater.Self()!.Value.Y));
        Assert.NotNull(flag);
        Assert.Equal(Guid.Parse(account.AccountId), flag.Value.AccountId);
        Assert.Equal(3, flag.Value.Severity);
        Assert.Equal(5, flag.Value.Count);
        Assert.Equal(HubConnectionState.Connected, cheater.Connection.State);
    }

    [Fact]
    public async Task UseAbility_FasterThanItsCooldownThroughTheHub_IsRefusedLandsOnceAndRaisesACooldownBypassFlag()
    {
        await using var cheater = await Cluster.ConnectAsync();
        var (character, _) = await cheater.CreateAndEnterAsync("Haste", "cleric");
        Assert.True(await GameClient.EventuallyAsync(() => cheater.Self() is not null, Wait), "the character never appeared");

        // Heal on oneself: a 1 s cast, then a 4 s cooldown. 35 uses in about a second stay within the hub's rate limits.
        for (var i = 0; i < 35; i++)
        {
            await cheater.UseAbilityAsync("heal", 0);
            await Task.Delay(25);
        }

        Assert.True(await GameClient.EventuallyAsync(() => cheater.Errors.Count(e => e.Code == ErrorCode.OnCooldown) >= 30, Wait),
            $"only {cheater.Errors.Count(e => e.Code == ErrorCode.OnCooldown)} OnCooldown refusals came back");
        var flag = await FlagRowAsync(Guid.Parse(character.Id), "cooldown_bypass");
        await Task.Delay(1500);

        Assert.DoesNotContain(cheater.Errors, e => e.Code == ErrorCode.RateLimited);
        Assert.Equal(1, cheater.CombatEvents.Count(e => e.Kind == 2 && e.AbilityId == "heal"));
        Assert.NotNull(flag);
        Assert.Equal(2, flag.Value.Severity);
        Assert.True(flag.Value.Count >= 30, $"count {flag.Value.Count} is below the rule's 30");
    }

    [Fact]
    public async Task Move_FloodedFasterThanTheTick_IsRateLimitedAtTheHubAndRaisesAHubRateLimitedFlag()
    {
        var account = await Cluster.RegisterAsync();
        await using var flooder = await Cluster.ConnectAsync(account: account);
        var (character, _) = await flooder.CreateAndEnterAsync("Spam");

        // About 100 inputs a second (the zone ticks 20 times a second and the hub allows 20 a second), until 60 are refused.
        var deadline = DateTime.UtcNow + Wait;
        while (flooder.Errors.Count(e => e.Code == ErrorCode.RateLimited) < 60 && DateTime.UtcNow < deadline)
        {
            for (var i = 0; i < 10; i++)
            {
                await flooder.MoveAsync(i % 2 == 0 ? 1f : 0f, 0f);
            }

            await Task.Delay(100);
        }

        var flag = await FlagRowAsync(Guid.Parse(character.Id), "hub_rate_limited");

        Assert.True(flooder.Errors.Count(e => e.Code == ErrorCode.RateLimited) >= 60, "the flood was not refused");
        Assert.NotNull(flag);
        Assert.Equal(Guid.Parse(account.AccountId), flag.Value.AccountId);
        Assert.Equal(2, flag.Value.Severity);
        Assert.True(flag.Value.Count >= 50, $"count {flag.Value.Count} is below the threshold of 50");
        // Below the abuse threshold the connection stays: the flag is for moderators, not a punishment.
        Assert.Equal(HubConnectionState.Connected, flooder.Connection.State);
    }

    private static HttpClient Authorized(string accessToken)
    {
        var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return http;
    }

    private async Task<HttpResponseMessage> GetFlagsAsync(string accessToken, string query)
    {
        using var http = Authorized(accessToken);
        return await http.GetAsync(Cluster.Frontend.HttpUrl + "/api/moderation/flags" + query);
    }

    /// <summary>The first flag of <paramref name="kind"/> for the player, polled for up to 15 s (the silo writes in batches).</summary>
    private static async Task<(long Id, Guid? AccountId, short Severity, int Count)?> FlagRowAsync(Guid playerId, string kind)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (true)
        {
            await using (var db = await GameCluster.OpenDatabaseAsync())
            {
                await using var command = new NpgsqlCommand(
                    "SELECT id, account_id, severity, count FROM cheat_flags WHERE player_id = @player AND kind = @kind ORDER BY id LIMIT 1", db);
                command.Parameters.AddWithValue("player", playerId);
                command.Parameters.AddWithValue("kind", kind);
                await using var reader = await command.ExecuteReaderAsync();
                if (await reader.ReadAsync())
                {
                    return (reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetGuid(1), reader.GetInt16(2), reader.GetInt32(3));
                }
            }

            if (DateTime.UtcNow >= deadline)
            {
                return null;
            }

            await Task.Delay(200);
        }
    }

    /// <summary>A flag written as the schema owner, as a zone would have raised it.</summary>
    private static async Task<long> InsertFlagAsync(Guid playerId, string kind)
    {
        await using var db = await GameCluster.OpenDatabaseAsync();
        await using var command = new NpgsqlCommand(
            "INSERT INTO cheat_flags (player_id, kind, severity, count, details) VALUES (@player, @kind, 1, 120, '{\"zone\": \"ashen-vale/1\"}') RETURNING id", db);
        command.Parameters.AddWithValue("player", playerId);
        command.Parameters.AddWithValue("kind", kind);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
