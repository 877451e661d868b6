using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Sunderfall.IntegrationTests.Infrastructure;
using Xunit;
using ErrorCode = Sunderfall.Protocol.Errors.ErrorCode;

namespace Sunderfall.IntegrationTests.Game;

/// <summary>
/// What each hub protocol carries, read untyped off real connections: a ServerError's code is the number
/// docs/protocol.md lists in both; MessagePack names fields as declared (PascalCase), JSON in camelCase.
/// </summary>
[Collection(SharedClusterDefinition.Name)]
public sealed class WireContractTests(SharedClusterFixture fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    private GameCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task MessagePack_CarriesTheErrorCodeAsItsNumber_UnderPascalCaseNames()
    {
        var account = await Cluster.RegisterAsync();
        await using var connection = Connect(account.AccessToken).AddMessagePackProtocol().Build();
        var events = new ConcurrentQueue<object>();
        connection.On<object>("Error", events.Enqueue);
        await connection.StartAsync();

        var reply = (IDictionary<object, object>)(await connection.InvokeAsync<object>("CreateCharacter", "x", "mage"));
        await connection.SendAsync("Teleport", 1f, 2f);
        Assert.True(await GameClient.EventuallyAsync(() => !events.IsEmpty, Wait), "no Error event");

        var error = (IDictionary<object, object>)reply["Error"];
        Assert.Equal(false, reply["Ok"]);
        Assert.Equal(["Code", "Message"], error.Keys.Cast<string>().Order());
        Assert.Equal((int)ErrorCode.InvalidArgument, Convert.ToInt32(error["Code"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.IsNotType<string>(error["Code"]);
        var pushed = (IDictionary<object, object>)Assert.Single(events);
        Assert.Equal((int)ErrorCode.InvalidArgument, Convert.ToInt32(pushed["Code"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.IsNotType<string>(pushed["Code"]);
    }

    [Fact]
    public async Task Json_CarriesTheErrorCodeAsItsNumber_UnderCamelCaseNames()
    {
        var account = await Cluster.RegisterAsync();
        await using var connection = Connect(account.AccessToken).AddJsonProtocol().Build();
        var events = new ConcurrentQueue<JsonElement>();
        connection.On<JsonElement>("Error", events.Enqueue);
        await connection.StartAsync();

        var reply = await connection.InvokeAsync<JsonElement>("CreateCharacter", "x", "mage");
        await connection.SendAsync("Teleport", 1f, 2f);
        Assert.True(await GameClient.EventuallyAsync(() => !events.IsEmpty, Wait), "no Error event");

        var error = reply.GetProperty("error");
        Assert.False(reply.GetProperty("ok").GetBoolean());
        Assert.Equal(["code", "message"], error.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(JsonValueKind.Number, error.GetProperty("code").ValueKind);
        Assert.Equal((int)ErrorCode.InvalidArgument, error.GetProperty("code").GetInt32());
        var pushed = Assert.Single(events);
        Assert.Equal((int)ErrorCode.InvalidArgument, pushed.GetProperty("code").GetInt32());
    }

    private IHubConnectionBuilder Connect(string token) =>
        new HubConnectionBuilder().WithUrl(Cluster.HubUrl, o => o.AccessTokenProvider = () => Task.FromResult<string?>(token));
}
