using System.Net;
using System.Net.Sockets;

namespace Sunderfall.IntegrationTests.Infrastructure;

/// <summary>
/// A TCP relay on a loopback port of its own in front of a server, for a client whose network drops while the server
/// stays up: <see cref="Cut"/> resets every connection through it (both ends see them fail) and refuses new ones until
/// <see cref="Restore"/> lets them through again on the same address.
/// </summary>
public sealed class DroppableLink : IDisposable
{
    private readonly IPEndPoint target;
    private readonly HashSet<TcpClient> open = [];
    private TcpListener listener;

    private DroppableLink(IPEndPoint target)
    {
        this.target = target;
        listener = Listen(0);
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _ = AcceptAsync(listener);
    }

    public int Port { get; }

    /// <summary>The server's address through this link.</summary>
    public string HttpUrl => $"http://127.0.0.1:{Port}";

    /// <summary>A link to the server at <paramref name="url"/> (a loopback http URL).</summary>
    public static DroppableLink To(string url)
    {
        var uri = new Uri(url);
        return new DroppableLink(new IPEndPoint(IPAddress.Loopback, uri.Port));
    }

    /// <summary>Resets every connection through the link and refuses new ones until <see cref="Restore"/>.</summary>
    public void Cut()
    {
        listener.Stop();
        ResetAll();
    }

    /// <summary>Accepts connections again, on the same port.</summary>
    public void Restore()
    {
        listener = Listen(Port);
        _ = AcceptAsync(listener);
    }

    public void Dispose() => Cut();

    private void ResetAll()
    {
        lock (open)
        {
            foreach (var socket in open)
            {
                Reset(socket);
            }

            open.Clear();
        }
    }

    private static TcpListener Listen(int port)
    {
        var created = new TcpListener(IPAddress.Loopback, port);
        created.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        created.Start();
        return created;
    }

    // A reset rather than a close: the peer gets no goodbye, as when a network goes away.
    private static void Reset(TcpClient socket)
    {
        try
        {
            socket.Client.LingerState = new LingerOption(true, 0);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Already closed.
        }

        socket.Dispose();
    }

    private async Task AcceptAsync(TcpListener from)
    {
        while (true)
        {
            TcpClient inbound;
            try
            {
                inbound = await from.AcceptTcpClientAsync();
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException or InvalidOperationException)
            {
                return; // stopped
            }

            _ = RelayAsync(inbound);
        }
    }

    private async Task RelayAsync(TcpClient inbound)
    {
        var outbound = new TcpClient();
        lock (open)
        {
            open.Add(inbound);
            open.Add(outbound);
        }

        try
        {
            await outbound.ConnectAsync(target);
            var inboundStream = inbound.GetStream();
            var outboundStream = outbound.GetStream();
            await Task.WhenAny(inboundStream.CopyToAsync(outboundStream), outboundStream.CopyToAsync(inboundStream));
        }
        catch (Exception ex) when (ex is SocketException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            // One side went away (or the link was dropped): close both below.
        }
        finally
        {
            lock (open)
            {
                open.Remove(inbound);
                open.Remove(outbound);
            }

            inbound.Dispose();
            outbound.Dispose();
        }
    }
}
