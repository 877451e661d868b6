using Npgsql;
using Sunderfall.IntegrationTests.Infrastructure;
using ErrorCode = Sunderfall.Protocol.Errors.ErrorCode;
using Xunit;

namespace Sunderfall.IntegrationTests.Rewards;

/// <summary>
/// Two players in the proving grounds (a dummy that dies to one strike and pays 3 gold and a pelt): what one does
/// never acts for the other, and every state-changing action of a scripted session lands in the transaction log.
/// </summary>
public sealed class ScriptedSessionTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private GameCluster cluster = null!;

    public async Task InitializeAsync() =>
        cluster = await GameCluster.StartAsync("script", siloCount: 2, ProvingGrounds.SiloSettings(ProvingGrounds.CreateContentDirectory()));

    public async Task DisposeAsync() => await cluster.DisposeAsync();

    [Fact]
    public async Task APlayer_CannotFightOrSpendForAnother()
    {
        await using var alice = await cluster.ConnectAsync();
        await using var bob = await cluster.ConnectAsync();
        await alice.CreateAndEnterAsync("Alice");
        await bob.CreateAndEnterAsync("Bob");
        Assert.True(await EarnAsync(bob, 1), "Bob earned nothing from the dummy");
        var bobBefore = (await bob.GetCharacterSheetAsync()).Value!;
        var (aliceNet, bobNet) = (alice.Zone!.SelfNetId, bob.Zone!.SelfNetId);
        int Used(int netId) => alice.CombatEvents.Count(e => e.Kind == 2 && e.SourceNetId == netId);
        var bobUsed = Used(bobNet);

        // While Bob does nothing, Alice (whose bag is still empty) tries every item call on the slot of Bob's pelt,
        // then strikes for a few seconds.
        var discard = await alice.DiscardItemAsync(bobBefore.Bag[0].Slot, 1);
        var use = await alice.UseItemAsync(bobBefore.Bag[0].Slot);
        var equip = await alice.EquipItemAsync(bobBefore.Bag[0].Slot);
        var aliceUsed = Used(aliceNet);
        for (var i = 0; i < 8; i++)
        {
            await StrikeDummyAsync(alice);
            await Task.Delay(400);
        }

        await Task.Delay(1000);
        var bobAfter = (await bob.GetCharacterSheetAsync()).Value!;

        Assert.True(Used(aliceNet) > aliceUsed, "Alice's strikes never landed");
        Assert.Equal(bobUsed, Used(bobNet));
        Assert.Equal(ErrorCode.NotFound, discard.Error?.Code);
        Assert.Equal(ErrorCode.NotFound, use.Error?.Code);
        Assert.Equal(ErrorCode.NotFound, equip.Error?.Code);
        Assert.Equal(bobBefore.Gold, bobAfter.Gold);
        Assert.Equal(bobBefore.Bag.Select(i => (i.Slot, i.ItemId, i.Count)), bobAfter.Bag.Select(i => (i.Slot, i.ItemId, i.Count)));
        Assert.Equal(bobBefore.Experience, bobAfter.Experience);
    }

    [Fact]
    public async Task TheTransactionLog_OfAScriptedSession_HoldsEveryStateChangingAction()
    {
        await using var alice = await cluster.ConnectAsync();
        await using var bob = await cluster.ConnectAsync();
        var (aliceCharacter, _) = await alice.CreateAndEnterAsync("Scribe");
        var (bobCharacter, _) = await bob.CreateAndEnterAsync("Witness");
        var started = DateTime.UtcNow;

        Assert.True(await EarnAsync(alice, 2), "Alice earned nothing from the dummy");
        var sheet = (await alice.GetCharacterSheetAsync()).Value!;
        Assert.True((await alice.DiscardItemAsync(sheet.Bag[0].Slot, 1)).Ok);
        Assert.True((await alice.CreatePartyAsync()).Ok);
        Assert.True((await alice.InviteToPartyAsync(bobCharacter.Name)).Ok);
        Assert.True(await GameClient.EventuallyAsync(() => !bob.PartyInvites.IsEmpty, Wait));
        bob.PartyInvites.TryPeek(out var invite);
        Assert.True((await bob.AcceptPartyInviteAsync(invite!.PartyId)).Ok);
        Assert.True((await alice.SendChatAsync("party", "pull the dummy")).Ok);
        Assert.True((await alice.SendChatAsync("zone", "anyone for a party?")).Ok);
        Assert.True((await alice.SendChatAsync("whisper", "thanks", bobCharacter.Name)).Ok);
        Assert.True((await bob.LeavePartyAsync()).Ok);
        Assert.True((await alice.DisbandPartyAsync()).Ok);
        Assert.True((await alice.LeaveWorldAsync()).Ok);

        var alicesId = Guid.Parse(aliceCharacter.Id);
        var expected = new[]
        {
            "combat.ability", "combat.kill", "combat.encounter", "reward.granted", "reward.applied", "item.discarded", "party.created",
            "party.invited", "party.joined", "party.left", "party.disbanded", "chat.party", "chat.zone", "chat.whisper",
        };
        List<(string Kind, Guid Actor, Guid? Target)> log = [];
        Assert.True(await GameClient.EventuallyAsync(() =>
        {
            log = ReadLog(alicesId, Guid.Parse(bobCharacter.Id), started);
            return expected.All(k => log.Exists(e => e.Kind == k));
        }, Wait), $"missing from the log: {string.Join(", ", expected.Where(k => !log.Exists(e => e.Kind == k)))}");

        var ledger = await RewardLedger.ReadAsync(alicesId);
        Assert.Equal(ledger.Grants, log.Count(e => e.Kind == "reward.granted" && e.Actor == alicesId));
        Assert.Equal(ledger.Grants, log.Count(e => e.Kind == "reward.applied" && e.Actor == alicesId));
        Assert.Equal(ledger.Encounters, log.Count(e => e.Kind == "combat.encounter" && e.Actor == alicesId));
        Assert.Equal(3, log.Count(e => e.Kind.StartsWith("chat.", StringComparison.Ordinal) && e.Actor == alicesId));
        Assert.Contains(log, e => e.Kind == "party.left" && e.Actor == Guid.Parse(bobCharacter.Id));
    }

    // Strikes the dummy until the player has at least this many more rewards.
    private static async Task<bool> EarnAsync(GameClient player, int rewards)
    {
        var target = player.Rewards.Count + rewards;
        var deadline = DateTime.UtcNow + Wait;
        while (DateTime.UtcNow < deadline && player.Rewards.Count < target)
        {
            await StrikeDummyAsync(player);
            await Task.Delay(400);
        }

        return player.Rewards.Count >= target;
    }

    private static async Task StrikeDummyAsync(GameClient player)
    {
        if (player.Find(ProvingGrounds.Dummy) is { } dummy)
        {
            await player.UseAbilityAsync("strike", dummy.NetId);
        }
    }

    // Entries where either player is actor or target since the session started, read with SQL.
    private static List<(string Kind, Guid Actor, Guid? Target)> ReadLog(Guid alice, Guid bob, DateTime since)
    {
        using var db = new NpgsqlConnection(TestEnvironment.PostgresConnectionString);
        db.Open();
        using var command = new NpgsqlCommand(
            "SELECT kind, actor_id, target_id FROM transaction_log WHERE (actor_id = ANY(@players) OR target_id = ANY(@players)) AND at >= @since ORDER BY id", db);
        command.Parameters.AddWithValue("players", new[] { alice, bob });
        command.Parameters.AddWithValue("since", since.AddSeconds(-5));
        using var reader = command.ExecuteReader();
        var log = new List<(string, Guid, Guid?)>();
        while (reader.Read())
        {
            log.Add((reader.GetString(0), reader.GetGuid(1), reader.IsDBNull(2) ? null : reader.GetGuid(2)));
        }

        return log;
    }
}
