using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Sunderfall.Accounts.Accounts;

/// <summary>
/// ASP.NET Core Identity's PBKDF2 password hasher (format v3), with a decoy for unknown usernames, behind a
/// <see cref="PasswordHashGate"/>: a hash costs tens of milliseconds of CPU, so a burst of sign-ins (a restart, an
/// event, a flood) would otherwise take every core from the game traffic sharing the process, or queue without bound.
/// </summary>
public sealed class AccountPasswordHasher
{
    // The v3 format ignores the user argument; this class stands in for it.
    private readonly PasswordHasher<AccountPasswordHasher> hasher = new();
    private readonly Lazy<string> decoyHash;

    /// <summary>One per process, shared by every caller that hashes, so the bounds of <see cref="AuthOptions"/> hold for all.</summary>
    public AccountPasswordHasher(IOptions<AuthOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Gate = new PasswordHashGate(options.Value.MaxConcurrentPasswordHashes, options.Value.MaxQueuedPasswordHashes);
        decoyHash = new Lazy<string>(() => hasher.HashPassword(this, Convert.ToBase64String(Guid.NewGuid().ToByteArray())));
    }

    /// <summary>The admission of hashes (exposed for tests, which hold a slot to fill it).</summary>
    public PasswordHashGate Gate { get; }

    internal Task<string> HashAsync(string password, CancellationToken cancellationToken) =>
        Gate.RunAsync(() => hasher.HashPassword(this, password), cancellationToken);

    internal Task<PasswordVerificationResult> VerifyAsync(string hash, string password, CancellationToken cancellationToken) =>
        Gate.RunAsync(() => hasher.VerifyHashedPassword(this, hash, password), cancellationToken);

    /// <summary>
    /// Does the work of a failed verification, so "no such user" takes as long as "wrong password" and timing does
    /// not tell which usernames exist.
    /// </summary>
    internal Task VerifyDecoyAsync(string password, CancellationToken cancellationToken) =>
        Gate.RunAsync(() => hasher.VerifyHashedPassword(this, decoyHash.Value, password), cancellationToken);
}
