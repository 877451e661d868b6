using Microsoft.Extensions.Logging;
using Sunderfall.Accounts.Accounts;
using Sunderfall.Accounts.Recovery;
using Xunit;

namespace Sunderfall.Accounts.Tests.Recovery;

public sealed class LogRecoveryCodeSenderTests
{
    [Fact]
    public async Task SendAsync_WritesTheCodeToTheLog_SayingItIsTheDevelopmentSender()
    {
        var logger = new CapturingLogger();
        var account = new AccountInfo(Guid.NewGuid(), "Ada", "ada@example.com", [Roles.Player], DateTimeOffset.UnixEpoch, null);

        await new LogRecoveryCodeSender(logger).SendAsync(account, "01234567", CancellationToken.None);

        var (level, message) = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Warning, level);
        Assert.Contains("DEVELOPMENT", message, StringComparison.Ordinal);
        Assert.Contains("01234567", message, StringComparison.Ordinal);
        Assert.Contains("Ada", message, StringComparison.Ordinal);
    }

    private sealed class CapturingLogger : ILogger<LogRecoveryCodeSender>
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception)));
    }
}
