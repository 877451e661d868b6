using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sunderfall.Accounts.Accounts;
using Sunderfall.Accounts.Recovery;
using Xunit;

namespace Sunderfall.Accounts.Tests.Recovery;

public sealed class LogRecoveryCodeSenderTests
{
    private static readonly AccountInfo Ada = new(Guid.NewGuid(), "Ada", "ada@example.com", [Roles.Player], DateTimeOffset.UnixEpoch, null);

    [Fact]
    public async Task SendAsync_InDevelopment_WritesTheCodeToTheLog_SayingItIsTheDevelopmentSender()
    {
        var logger = new CapturingLogger();

        await new LogRecoveryCodeSender(logger, new Environment(Environments.Development)).SendAsync(Ada, "01234567", CancellationToken.None);

        var (level, message) = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Warning, level);
        Assert.Contains("DEVELOPMENT", message, StringComparison.Ordinal);
        Assert.Contains("01234567", message, StringComparison.Ordinal);
        Assert.Contains("Ada", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task SendAsync_OutsideDevelopment_NeverWritesTheCode(string environment)
    {
        var logger = new CapturingLogger();

        await new LogRecoveryCodeSender(logger, new Environment(environment)).SendAsync(Ada, "01234567", CancellationToken.None);

        var (level, message) = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Error, level);
        Assert.DoesNotContain("01234567", message, StringComparison.Ordinal);
        Assert.Contains("Email:Host", message, StringComparison.Ordinal);
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "tests";

        public string ContentRootPath { get; set; } = "/";

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
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
