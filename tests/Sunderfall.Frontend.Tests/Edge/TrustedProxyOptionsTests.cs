using Sunderfall.Frontend.Edge;
using Xunit;

namespace Sunderfall.Frontend.Tests.Edge;

public sealed class TrustedProxyOptionsTests
{
    [Fact]
    public void Problem_WithAddressesAndCidrNetworks_IsNone()
    {
        var options = new TrustedProxyOptions { Addresses = ["10.0.0.5", "fd00::5"], Networks = ["10.0.0.0/8", "fd00::/8"] };

        Assert.Null(options.Problem());
        Assert.True(options.Any);
    }

    [Theory]
    [InlineData("proxy.internal", null, "'proxy.internal' is not an IP address")]
    [InlineData(null, "10.0.0.0", "'10.0.0.0' is not a network in CIDR form")]
    [InlineData(null, "10.0.0.0/40", "'10.0.0.0/40' is not a network in CIDR form")]
    public void Problem_WithAMalformedEntry_NamesIt(string? address, string? network, string expected)
    {
        var options = new TrustedProxyOptions { Addresses = address is null ? [] : [address], Networks = network is null ? [] : [network] };

        Assert.Contains(expected, options.Problem(), StringComparison.Ordinal);
    }

    [Fact]
    public void Default_TrustsNoProxy()
    {
        Assert.False(new TrustedProxyOptions().Any);
    }
}
