using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Identity;

namespace Sunderfall.Accounts.Accounts;

/// <summary>
/// ASP.NET Core Identity's PBKDF2 password hasher (format v3), with a decoy for unknown usernames. At most
/// <c>maxConcurrent</c> hashes run at once; the rest wait without holding a thread. A hash costs tens of milliseconds
/// of CPU, so a burst of sign-ins (a restart, an event) would otherwise take every core from the game traffic sharing
/// the process.
/// </summary>
[SuppressMessage("Reliability", "CA1001", Justification = "The SemaphoreSlim never creates its wait handle (AvailableWaitHandle is not used), so there is nothing to dispose; the hasher lives as long as the process.")]
internal sealed class AccountPasswordHasher
{
    // The v3 format ignores the user argument; this class stands in for it.
    private readonly PasswordHasher<AccountPasswordHasher> hasher = new();
    private readonly Lazy<string> decoyHash;
    private readonly SemaphoreSlim gate;

    public AccountPasswordHasher(int maxConcurrent)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrent, 1);
        gate = new SemaphoreSlim(maxConcurrent, maxConcurrent);
        decoyHash = new Lazy<string>(() => hasher.HashPassword(this, Convert.ToBase64String(Guid.NewGuid().ToByteArray())));
    }

    public Task<string> HashAsync(string password, CancellationToken cancellationToken) =>
        GatedAsync(() => hasher.HashPassword(this, password), cancellationToken);

    public Task<PasswordVerificationResult> VerifyAsync(string hash, string password, CancellationToken cancellationToken) =>
        GatedAsync(() => hasher.VerifyHashedPassword(this, hash, password), cancellationToken);

    /// <summary>
    /// Does the work of a failed verification, so "no such user" takes as long as "wrong password" and timing does
    /// not tell which usernames exist.
    /// </summary>
    public Task VerifyDecoyAsync(string password, CancellationToken cancellationToken) =>
        GatedAsync(() => hasher.VerifyHashedPassword(this, decoyHash.Value, password), cancellationToken);

    private async Task<T> GatedAsync<T>(Func<T> work, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return work();
        }
        finally
        {
            gate.Release();
        }
    }
}
