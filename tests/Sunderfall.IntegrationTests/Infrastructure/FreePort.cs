using System.Net;
using System.Net.Sockets;

namespace Sunderfall.IntegrationTests.Infrastructure;

/// <summary>Finds loopback ports nobody is listening on.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
