namespace Sunderfall.Accounts.Audit;

/// <summary>The action names written to the audit log.</summary>
public static class AuditActions
{
    /// <summary>A new account; details hold its roles.</summary>
    public const string AccountRegistered = "account.registered";

    /// <summary>A login that issued tokens; details hold the session id.</summary>
    public const string LoginSucceeded = "login.succeeded";

    /// <summary>Wrong password or unknown username; the target is the name tried.</summary>
    public const string LoginFailed = "login.failed";

    /// <summary>An account was locked after too many failed logins; details hold when the lock ends.</summary>
    public const string LoginLocked = "login.locked";

    /// <summary>The right password for a banned account.</summary>
    public const string LoginBanned = "login.banned";

    /// <summary>A used refresh token came back: its whole session was revoked.</summary>
    public const string TokenReuseDetected = "token.reuse_detected";

    /// <summary>A session was ended by its owner.</summary>
    public const string Logout = "logout";

    /// <summary>An admin changed an account's roles; details hold before and after.</summary>
    public const string RolesChanged = "roles.changed";

    /// <summary>A moderator or admin banned an account; details hold the end and the reason.</summary>
    public const string AccountBanned = "account.banned";
}
