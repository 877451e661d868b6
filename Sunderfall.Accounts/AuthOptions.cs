namespace Sunderfall.Accounts;

/// <summary>Accounts, access tokens and refresh tokens. Section "Auth".</summary>
public sealed class AuthOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Auth";

    /// <summary>Shortest signing key accepted, in UTF-8 bytes: HMAC-SHA256 needs at least 256 bits.</summary>
    public const int MinSigningKeyBytes = 32;

    /// <summary>
    /// The HMAC-SHA256 key that signs and checks access tokens, at least 32 bytes of UTF-8; the same on every frontend
    /// and silo. Required: there is no default, so a deployment cannot run with a key from the source code.
    /// </summary>
    public string SigningKey { get; set; } = "";

    /// <summary>The "iss" of issued tokens; tokens from any other issuer are refused.</summary>
    public string Issuer { get; set; } = "sunderfall";

    /// <summary>The "aud" of issued tokens; tokens for any other audience are refused.</summary>
    public string Audience { get; set; } = "sunderfall-game";

    /// <summary>How long an access token is valid. Roles and bans reach a session at its next refresh.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a refresh token is valid; each refresh issues a new one with a fresh lifetime.</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Consecutive failed logins that lock an account.</summary>
    public int MaxFailedLogins { get; set; } = 5;

    /// <summary>How long a locked account refuses every login, even with the right password.</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long an account-recovery code works after it is sent.</summary>
    public TimeSpan RecoveryCodeLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Most account-recovery codes sent to one account within <see cref="RecoveryCodeLifetime"/>; further requests
    /// are answered as usual but send nothing. Together with <see cref="MaxRecoveryAttempts"/> this bounds guessing.
    /// </summary>
    public int MaxActiveRecoveryCodes { get; set; } = 3;

    /// <summary>Wrong codes an account-recovery code survives; after that it no longer works.</summary>
    public int MaxRecoveryAttempts { get; set; } = 5;

    /// <summary>
    /// Most password hashes (sign-up, sign-in, recovery) computed at once in this process; further sign-ins wait
    /// their turn. Each hash is tens of milliseconds of CPU: bounding them keeps a burst of sign-ins from starving the
    /// game traffic that shares the process. Default: half the cores, at least one.
    /// </summary>
    public int MaxConcurrentPasswordHashes { get; set; } = Math.Max(1, Environment.ProcessorCount / 2);

    /// <summary>
    /// Most password hashes waiting for a turn at once. One more is refused at once (HTTP 503 with Retry-After, code
    /// Busy) instead of queuing without bound: a flood of sign-ins costs the attacker a refusal, not the server a queue.
    /// </summary>
    public int MaxQueuedPasswordHashes { get; set; } = 64;

    /// <summary>
    /// Usernames (ignoring case) that get the admin role when they register: how the first administrator of a new
    /// deployment is made. Empty it once the admins exist.
    /// </summary>
    public IList<string> BootstrapAdmins { get; } = [];
}
