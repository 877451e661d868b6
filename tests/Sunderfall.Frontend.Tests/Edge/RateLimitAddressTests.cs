using System.Net;
using Sunderfall.Frontend.Edge;
using Xunit;

namespace Sunderfall.Frontend.Tests.Edge;

public sealed class RateLimitAddressTests
{
    [Fact]
    public void Of_TwoIPv6AddressesInOneSlash64_IsOneBucket()
    {
        var first = RateLimitAddress.Of(IPAddress.Parse("2001:db8:1:2::1"));
        var second = RateLimitAddress.Of(IPAddress.Parse("2001:db8:1:2:ffff:ffff:ffff:ffff"));

        Assert.Equal("2001:db8:1:2::/64", first);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Of_IPv6AddressesInNeighbouringSlash64s_AreTwoBuckets() =>
        Assert.NotEqual(RateLimitAddress.Of(IPAddress.Parse("2001:db8:1:2::1")), RateLimitAddress.Of(IPAddress.Parse("2001:db8:1:3::1")));

    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("::1", "::/64")]
    public void Of_IPv4AndMappedAddresses_AreTheirOwnBucket(string address, string bucket) =>
        Assert.Equal(bucket, RateLimitAddress.Of(IPAddress.Parse(address)));

    [Fact]
    public void Of_NoAddress_IsTheUnknownBucket() => Assert.Equal("unknown", RateLimitAddress.Of((IPAddress?)null));
}
