using Microsoft.AspNetCore.Identity;

namespace Sunderfall.Accounts.Accounts;

/// <summary>ASP.NET Core Identity's PBKDF2 password hasher (format v3), with a decoy for unknown usernames.</summary>
internal sealed class AccountPasswordHasher
{
    // The v3 format ignores the user argument; this class stands in for it.
    private readonly PasswordHasher<AccountPasswordHasher> hasher = new();
    private readonly Lazy<string> decoyHash;

    public AccountPasswordHasher()
    {
        decoyHash = new Lazy<string>(() => hasher.HashPassword(this, Convert.ToBase64String(Guid.NewGuid().ToByteArray())));
    }

    public string Hash(string password) => hasher.HashPassword(this, password);

    public PasswordVerificationResult Verify(string hash, string password) => hasher.VerifyHashedPassword(this, hash, password);

    /// <summary>
    /// Does the work of a failed verification, so "no such user" takes as long as "wrong password" and timing does
    /// not tell which usernames exist.
    /// </summary>
    public void VerifyDecoy(string password) => hasher.VerifyHashedPassword(this, decoyHash.Value, password);
}
