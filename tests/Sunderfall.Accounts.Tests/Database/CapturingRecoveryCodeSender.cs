using System.Collections.Concurrent;
using Sunderfall.Accounts.Accounts;
using Sunderfall.Accounts.Recovery;

namespace Sunderfall.Accounts.Tests.Database;

/// <summary>Keeps every account-recovery code "sent", as the owner's mailbox would.</summary>
public sealed class CapturingRecoveryCodeSender : IRecoveryCodeSender
{
    private readonly ConcurrentQueue<(AccountInfo Account, string Code)> sent = new();

    public IReadOnlyList<(AccountInfo Account, string Code)> Sent => [.. sent];

    public Task SendAsync(AccountInfo account, string code, CancellationToken cancellationToken)
    {
        sent.Enqueue((account, code));
        return Task.CompletedTask;
    }

    /// <summary>The latest code sent to the account once it has had <paramref name="count"/>; the service sends in the background.</summary>
    public async Task<string> WaitForCodeAsync(Guid accountId, int count = 1)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var codes = SentTo(accountId);
            if (codes.Count >= count)
            {
                return codes[^1];
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"account {accountId} was sent {codes.Count} recovery codes, not {count}, within 10 s");
            }

            await Task.Delay(10);
        }
    }

    public IReadOnlyList<string> SentTo(Guid accountId) => [.. sent.Where(s => s.Account.Id == accountId).Select(s => s.Code)];
}
