namespace Sunderfall.Frontend.Edge;

/// <summary>The caller's address, for throttling and the audit log (the client's, behind a trusted proxy: <see cref="TrustedProxyOptions"/>).</summary>
internal static class ClientAddress
{
    public static string Of(HttpContext context) => context?.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
