using Microsoft.Extensions.Logging;
using Sunderfall.Accounts.Accounts;

namespace Sunderfall.Accounts.Recovery;

/// <summary>
/// The development <see cref="IRecoveryCodeSender"/>: writes the code to the log (as a warning, so it is seen) instead
/// of sending it. It is the default until a real sender is registered; anyone who can read the log can recover any
/// account, so never run a public server with it.
/// </summary>
public sealed partial class LogRecoveryCodeSender(ILogger<LogRecoveryCodeSender> logger) : IRecoveryCodeSender
{
    /// <inheritdoc/>
    public Task SendAsync(AccountInfo account, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        LogCode(logger, account.Username, account.Email, code);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "DEVELOPMENT recovery-code sender (nothing is e-mailed): the account recovery code for {Username} <{Email}> is {Code}. " +
        "Register a real IRecoveryCodeSender before running a public server.")]
    private static partial void LogCode(ILogger logger, string username, string email, string code);
}
