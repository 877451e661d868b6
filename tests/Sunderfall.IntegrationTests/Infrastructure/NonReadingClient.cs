using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Sunderfall.Protocol;

namespace Sunderfall.IntegrationTests.Infrastructure;

/// <summary>
/// A game client that stops reading its socket, as a stuck or hostile client does. The .NET SignalR client always
/// reads, so this is a raw WebSocket with a small socket receive buffer speaking SignalR's JSON protocol by hand: it
/// reads the handshake's answer and EnterWorld's result, and after that never reads again. It keeps sending pings, so
/// the server's client timeout (no message from the client for 30 s) is not what closes it; once the server has closed
/// the connection those sends fail, which is how it sees that it was dropped.
/// </summary>
public sealed class NonReadingClient : IAsyncDisposable
{
    private const char RecordSeparator = '\u001e';

    private readonly ClientWebSocket socket;
    private readonly HttpMessageInvoker invoker;
    private readonly CancellationTokenSource stop = new();
    private readonly TaskCompletionSource<Exception> dropped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? pinging;

    private NonReadingClient(ClientWebSocket socket, HttpMessageInvoker invoker)
    {
        this.socket = socket;
        this.invoker = invoker;
    }

    /// <summary>Completes with the error of the first send that failed: the server closed the connection.</summary>
    public Task<Exception> Dropped => dropped.Task;

    /// <summary>Opens the WebSocket with a socket receive buffer of about <paramref name="receiveBufferBytes"/> and does the JSON handshake.</summary>
    public static async Task<NonReadingClient> ConnectAsync(string hubUrl, string accessToken, int receiveBufferBytes)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var raw = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, ReceiveBufferSize = receiveBufferBytes };
                try
                {
                    await raw.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(raw, ownsSocket: true);
                }
                catch
                {
                    raw.Dispose();
                    throw;
                }
            },
        };
        var invoker = new HttpMessageInvoker(handler);
        var socket = new ClientWebSocket();
        var uri = new Uri("ws" + hubUrl["http".Length..] + "?access_token=" + Uri.EscapeDataString(accessToken));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await socket.ConnectAsync(uri, invoker, timeout.Token);
        var client = new NonReadingClient(socket, invoker);
        await client.SendAsync("""{"protocol":"json","version":1}""", timeout.Token);
        var answer = await client.ReadRecordAsync(timeout.Token);
        if (answer != "{}")
        {
            throw new InvalidOperationException($"the hub refused the handshake: {answer}");
        }

        return client;
    }

    /// <summary>Enters the world with the character and reads until the call's result, which it returns (the JSON of the CallResult).</summary>
    public async Task<JsonElement> EnterWorldAsync(string characterId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var invocation = JsonSerializer.Serialize(new { type = 1, invocationId = "enter", target = HubNames.EnterWorld, arguments = new[] { characterId } });
        await SendAsync(invocation, timeout.Token);
        while (true)
        {
            using var message = JsonDocument.Parse(await ReadRecordAsync(timeout.Token));
            var root = message.RootElement;
            if (root.GetProperty("type").GetInt32() == 3 && root.GetProperty("invocationId").GetString() == "enter")
            {
                return root.GetProperty("result").Clone();
            }
        }
    }

    /// <summary>From now on reads nothing, and sends a ping every <paramref name="interval"/> until disposed or dropped.</summary>
    public void StopReading(TimeSpan interval) => pinging = PingAsync(interval);

    private async Task PingAsync(TimeSpan interval)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(interval, stop.Token);
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
                timeout.CancelAfter(TimeSpan.FromSeconds(10));
                await SendAsync("""{"type":6}""", timeout.Token);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            dropped.TrySetResult(ex);
        }
    }

    private Task SendAsync(string json, CancellationToken cancellationToken) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(json + RecordSeparator), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    private readonly StringBuilder pending = new();

    /// <summary>The next message of SignalR's JSON protocol (records end with 0x1E; a WebSocket frame may hold several).</summary>
    private async Task<string> ReadRecordAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var text = pending.ToString();
            var end = text.IndexOf(RecordSeparator, StringComparison.Ordinal);
            if (end >= 0)
            {
                pending.Remove(0, end + 1);
                return text[..end];
            }

            var received = await socket.ReceiveAsync(buffer, cancellationToken);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                throw new InvalidOperationException($"the hub closed the connection: {socket.CloseStatusDescription}");
            }

            pending.Append(Encoding.UTF8.GetString(buffer, 0, received.Count));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        if (pinging is not null)
        {
            await pinging;
        }

        socket.Abort();
        socket.Dispose();
        invoker.Dispose();
        stop.Dispose();
    }
}
