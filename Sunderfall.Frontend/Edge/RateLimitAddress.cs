using System.Net;

namespace Sunderfall.Frontend.Edge;

/// <summary>
/// The rate-limit bucket of a caller's address. An IPv4 address is its own bucket; an IPv6 address counts as its /64
/// network, since one subscriber is routinely given a whole /64 and could otherwise use 2^64 fresh buckets.
/// IPv4-mapped IPv6 addresses count as the IPv4 address.
/// </summary>
public static class RateLimitAddress
{
    /// <summary>The bucket key of the request's (forwarded, when from a trusted proxy) address.</summary>
    public static string Of(HttpContext context) => Of(context?.Connection.RemoteIpAddress);

    /// <summary>The bucket key of an address: "203.0.113.7", "2001:db8:1:2::/64", or "unknown".</summary>
    public static string Of(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes).ToString() + "/64";
    }
}
