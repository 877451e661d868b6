using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Sunderfall.LoadTest.Engine;

namespace Sunderfall.LoadTest.Bots;

/// <summary>
/// Counts the bytes of every WebSocket message the bots receive, from the SignalR client's own "MessageReceived" log
/// event (its structured Count, never formatted): the .NET WebSocket transport does not run over a handler the SDK
/// lets us wrap. Counts message payloads as the transport hands them over, without the 2-14 byte WebSocket frame
/// headers. Given to the SDK (its LoggerFactory option) and to the relay bots' connections.
/// </summary>
internal sealed class ReceivedBytesLoggerFactory(LoadMetrics metrics) : ILoggerFactory
{
    private const string TransportCategory = "WebSocketsTransport";
    private readonly CountingLogger counting = new(metrics);

    public ILogger CreateLogger(string categoryName) =>
        categoryName.EndsWith(TransportCategory, StringComparison.Ordinal) ? counting : NullLogger.Instance;

    public void AddProvider(ILoggerProvider provider)
    {
        // Nothing is written anywhere: this factory only counts.
    }

    public void Dispose()
    {
        // Holds nothing.
    }

    private sealed class CountingLogger(LoadMetrics metrics) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (eventId.Name != "MessageReceived" || state is not IReadOnlyList<KeyValuePair<string, object?>> values)
            {
                return;
            }

            foreach (var (key, value) in values)
            {
                if (key == "Count" && value is int count)
                {
                    metrics.BytesReceived(count);
                    return;
                }
            }
        }
    }
}
