using System.Reflection;
using Sunderfall.Client;
using Sunderfall.Frontend.Game;
using Xunit;

namespace Sunderfall.Frontend.Tests.Game;

/// <summary>
/// The client SDK (Sunderfall.Client) must offer one typed call per GameHub method: named after it with Async, taking
/// the same arguments (the SDK numbers inputs itself, so it takes no <c>sequence</c>) plus a cancellation token, and
/// answering with the hub's CallResult, or with the input's sequence number for fire-and-forget inputs.
/// </summary>
public sealed class ClientSdkCoverageTests
{
    [Theory]
    [MemberData(nameof(ProtocolDocumentTests.HubMethods), MemberType = typeof(ProtocolDocumentTests))]
    public void EveryHubMethod_HasATypedAsyncCallInTheSdk(string name)
    {
        var hubMethod = typeof(GameHub).GetMethod(name)!;

        var sdkMethod = typeof(SunderfallClient).GetMethod(name + "Async", BindingFlags.Public | BindingFlags.Instance);

        Assert.True(sdkMethod is not null, $"SunderfallClient has no {name}Async");
        var hubArguments = hubMethod.GetParameters()
            .Where(p => !(p.Name == "sequence" && p.ParameterType == typeof(long)))
            .Select(p => (p.Name, p.ParameterType));
        var sdkParameters = sdkMethod.GetParameters();
        Assert.Equal(typeof(CancellationToken), sdkParameters[^1].ParameterType);
        Assert.Equal(hubArguments, sdkParameters[..^1].Select(p => (p.Name, p.ParameterType)));
        var expected = hubMethod.ReturnType == typeof(Task) ? typeof(Task<long>) : hubMethod.ReturnType;
        Assert.Equal(expected, sdkMethod.ReturnType);
    }
}
