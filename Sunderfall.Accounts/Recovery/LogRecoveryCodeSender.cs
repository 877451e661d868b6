using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sunderfall.Accounts.Accounts;

namespace Sunderfall.Accounts.Recovery;

/// <summary>
/// The development <see cref="IRecoveryCodeSender"/>: in the Development environment it writes the code to the log (as
/// a warning, so it is seen) instead of sending it. It is the default while Email:Host is empty; anyone who can read
/// the log can recover any account, so outside Development it never logs the code, and a process there refuses to
/// start with it (see EmailOptionsValidator).
/// </summary>
public sealed partial class LogRecoveryCodeSender : IRecoveryCodeSender
{
    private readonly ILogger<LogRecoveryCodeSender> logger;
    private readonly bool logCodes;

    /// <summary>Creates the sender; it logs codes only when <paramref name="environment"/> is Development.</summary>
    public LogRecoveryCodeSender(ILogger<LogRecoveryCodeSender> logger, IHostEnvironment environment)
        : this(logger, (environment ?? throw new ArgumentNullException(nameof(environment))).IsDevelopment())
    {
    }

    internal LogRecoveryCodeSender(ILogger<LogRecoveryCodeSender> logger, bool logCodes)
    {
        ArgumentNullException.ThrowIfNull(logger);
        this.logger = logger;
        this.logCodes = logCodes;
    }

    /// <inheritdoc/>
    public Task SendAsync(AccountInfo account, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (logCodes)
        {
            LogCode(logger, account.Username, account.Email, code);
        }
        else
        {
            LogNotSent(logger, account.Username);
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "DEVELOPMENT recovery-code sender (nothing is e-mailed): the account recovery code for {Username} <{Email}> is {Code}. " +
        "Set Email:Host before running a public server.")]
    private static partial void LogCode(ILogger logger, string username, string email, string code);

    [LoggerMessage(Level = LogLevel.Error, Message =
        "account recovery: no code was sent to {Username}: the development sender sends nothing and logs codes only in Development; set Email:Host")]
    private static partial void LogNotSent(ILogger logger, string username);
}
