using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;
using Sunderfall.Accounts.Audit;
using Xunit;

namespace Sunderfall.Accounts.Tests.Audit;

public sealed class AuditLogQueueTests
{
    [Fact]
    public async Task Append_WhenTheQueueIsFull_ReturnsAtOnce_ThenCountsAndLogsTheDropAfterASecond()
    {
        // Never started and never connected: the queue only fills.
        await using var dataSource = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Database=none;Username=none");
        var logger = new RecordingLogger();
        using var log = new AuditLog(dataSource, TimeProvider.System, logger, capacity: 2);

        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 3; i++)
        {
            log.Append(new AuditEvent("test.full", Guid.NewGuid()));
        }

        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromMilliseconds(500));
        Assert.Equal(0, log.DroppedCount);

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (log.DroppedCount == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Equal(1, log.DroppedCount);
        Assert.InRange(watch.Elapsed, AuditLog.FullQueueWait - TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(10));
        Assert.Contains(logger.Errors, m => m.Contains("DROPPED event test.full", StringComparison.Ordinal));
    }

    [Fact]
    public void Append_WithoutAnAction_IsRefused()
    {
        using var dataSource = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Database=none;Username=none");
        using var log = new AuditLog(dataSource, TimeProvider.System, new RecordingLogger());

        Assert.Throws<ArgumentException>(() => log.Append(new AuditEvent(" ")));
    }

    private sealed class RecordingLogger : ILogger<AuditLog>
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> errors = new();

        public IReadOnlyCollection<string> Errors => errors;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Error)
            {
                errors.Enqueue(formatter(state, exception));
            }
        }
    }
}
