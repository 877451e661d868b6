using Sunderfall.Grains.Accounts;
using Sunderfall.Grains.Interfaces.Accounts;
using Sunderfall.Grains.Interfaces.Common;
using Sunderfall.Grains.Interfaces.Players;
using Sunderfall.Grains.Tests.Zones;
using Xunit;

namespace Sunderfall.Grains.Tests.Accounts;

[Collection(ClusterCollectionDefinition.Name)]
public sealed class AccountGrainTests(ClusterFixture fixture)
{
    private readonly IClusterClient client = fixture.Client;

    [Fact]
    public async Task CreateCharacterAsync_ListsTheCharacterAsOwnedByTheAccount()
    {
        var accountId = Guid.NewGuid();
        var account = client.GetGrain<IAccountGrain>(accountId);

        var created = await account.CreateCharacterAsync(TestWorld.UniqueName(), CharacterClass.Ranger);
        var listed = await account.GetCharactersAsync();

        Assert.True(created.IsSuccess, created.Error?.Message);
        Assert.Equal(accountId, created.Value!.OwnerAccountId);
        Assert.Equal([created.Value.Id], listed.Select(c => c.Id));
    }

    [Fact]
    public async Task CreateCharacterAsync_WhenTheNameIsTaken_ListsNothingNew()
    {
        var name = TestWorld.UniqueName();
        await client.GetGrain<IAccountGrain>(Guid.NewGuid()).CreateCharacterAsync(name, CharacterClass.Mage);
        var account = client.GetGrain<IAccountGrain>(Guid.NewGuid());

        var refused = await account.CreateCharacterAsync(name.ToLowerInvariant(), CharacterClass.Mage);

        Assert.Equal(GameErrorCode.NameTaken, refused.Error?.Code);
        Assert.Empty(await account.GetCharactersAsync());
    }

    [Fact]
    public async Task CreateCharacterAsync_BeyondTheLimit_IsRefused()
    {
        var account = client.GetGrain<IAccountGrain>(Guid.NewGuid());
        for (var i = 0; i < AccountGrain.MaxCharacters; i++)
        {
            Assert.True((await account.CreateCharacterAsync(TestWorld.UniqueName(), CharacterClass.Warrior)).IsSuccess);
        }

        var refused = await account.CreateCharacterAsync(TestWorld.UniqueName(), CharacterClass.Warrior);

        Assert.Equal(GameErrorCode.LimitReached, refused.Error?.Code);
        Assert.Contains($"at most {AccountGrain.MaxCharacters}", refused.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(AccountGrain.MaxCharacters, (await account.GetCharactersAsync()).Count);
    }

    [Fact]
    public async Task EnterWorldAsAsync_ByAnotherAccount_IsForbiddenAndLeavesTheCharacterOutOfTheWorld()
    {
        using var frontend = new TestFrontend(client);
        var owner = client.GetGrain<IAccountGrain>(Guid.NewGuid());
        var character = (await owner.CreateCharacterAsync(TestWorld.UniqueName(), CharacterClass.Cleric)).Value!;
        var player = client.GetGrain<IPlayerGrain>(character.Id);

        var stolen = await player.EnterWorldAsAsync(Guid.NewGuid(), frontend.Id, frontend.Reference);
        var after = await player.GetAsync();

        Assert.Equal(GameErrorCode.Forbidden, stolen.Error?.Code);
        Assert.False(after!.InWorld);
        Assert.Equal(0, after.WorldSession);
    }
}
