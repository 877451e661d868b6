using System.Net;
using Sunderfall.ServiceDefaults.Metrics;
using Xunit;

namespace Sunderfall.Frontend.Tests.Metrics;

public sealed class MetricsOptionsTests
{
    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("10.1.2.3", false)]
    [InlineData("192.168.0.9", false)]
    public void Allows_ByDefault_OnlyThisMachine(string address, bool allowed) =>
        Assert.Equal(allowed, new MetricsOptions().Allows(IPAddress.Parse(address)));

    [Fact]
    public void Allows_WithNetworksConfigured_ThoseAndNotLoopback()
    {
        var options = new MetricsOptions { AllowedNetworks = ["10.0.0.0/8"] };

        Assert.True(options.Allows(IPAddress.Parse("10.20.30.40")));
        Assert.True(options.Allows(IPAddress.Parse("::ffff:10.20.30.40")));
        Assert.False(options.Allows(IPAddress.Parse("127.0.0.1")));
        Assert.False(options.Allows(null));
    }

    [Fact]
    public void Problem_NamesTheEntryThatIsNoNetwork()
    {
        var options = new MetricsOptions { AllowedNetworks = ["10.0.0.0/8", "the office"] };

        Assert.Contains("'the office'", options.Problem(), StringComparison.Ordinal);
        Assert.Null(new MetricsOptions { AllowedNetworks = ["10.0.0.0/8", "fd00::/8"] }.Problem());
    }
}
