using Microsoft.AspNetCore.Identity;

namespace Sunderfall.Accounts.Accounts;

/// <summary>
/// ASP.NET Core Identity's PBKDF2 password hasher (format v3), with a decoy for unknown usernames, behind a
/// <see cref="PasswordHashGate"/>: a hash costs tens of milliseconds of CPU, so a burst of sign-ins (a restart, an
/// event, a flood) would otherwise take every core from the game traffic sharing the process, or queue without bound.
/// </summary>
internal sealed class AccountPasswordHasher
{
    // The v3 format ignores the user argument; this class stands in for it.
    private readonly PasswordHasher<AccountPasswordHasher> hasher = new();
    private readonly Lazy<string> decoyHash;

    public AccountPasswordHasher(int maxConcurrent, int maxQueued)
    {
        Gate = new PasswordHashGate(maxConcurrent, maxQueued);
        decoyHash = new Lazy<string>(() => hasher.HashPassword(this, Convert.ToBase64String(Guid.NewGuid().ToByteArray())));
    }

    /// <summary>The admission of hashes (exposed for tests, which hold a slot to fill it).</summary>
    public PasswordHashGate Gate { get; }

    public Task<string> HashAsync(string password, CancellationToken cancellationToken) =>
        Gate.RunAsync(() => hasher.HashPassword(this, password), cancellationToken);

    public Task<PasswordVerificationResult> VerifyAsync(string hash, string password, CancellationToken cancellationToken) =>
        Gate.RunAsync(() => hasher.VerifyHashedPassword(this, hash, password), cancellationToken);

    /// <summary>
    /// Does the work of a failed verification, so "no such user" takes as long as "wrong password" and timing does
    /// not tell which usernames exist.
    /// </summary>
    public Task VerifyDecoyAsync(string password, CancellationToken cancellationToken) =>
        Gate.RunAsync(() => hasher.VerifyHashedPassword(this, decoyHash.Value, password), cancellationToken);
}
