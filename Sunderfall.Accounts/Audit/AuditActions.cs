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

    /// <summary>A moderator closed an account's live game session.</summary>
    public const string AccountKicked = "account.kicked";

    /// <summary>The right password with a wrong, reused or stale second-factor code; counts toward the lockout.</summary>
    public const string LoginMfaFailed = "login.mfa_failed";

    /// <summary>An account asked for a new authenticator secret (the secret itself is never written).</summary>
    public const string MfaEnrolmentStarted = "mfa.enrolment_started";

    /// <summary>Two-step sign-in was turned on; details hold how many recovery codes were issued.</summary>
    public const string MfaEnabled = "mfa.enabled";

    /// <summary>Two-step sign-in was turned off; details hold which kind of code proved it.</summary>
    public const string MfaDisabled = "mfa.disabled";

    /// <summary>A wrong code when turning two-step sign-in off; counts toward the lockout.</summary>
    public const string MfaDisableFailed = "mfa.disable_failed";

    /// <summary>An MFA recovery code was used up; details hold how many are left.</summary>
    public const string MfaRecoveryCodeUsed = "mfa.recovery_code_used";

    /// <summary>An account-recovery code was asked for; for an unknown name or address the target is what was typed.</summary>
    public const string RecoveryRequested = "account.recovery_requested";

    /// <summary>A wrong, expired or used-up account-recovery code was presented.</summary>
    public const string RecoveryFailed = "account.recovery_failed";

    /// <summary>A recovery code set a new password; every session was revoked and the lockout cleared.</summary>
    public const string AccountRecovered = "account.recovered";
}
