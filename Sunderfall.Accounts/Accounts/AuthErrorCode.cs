namespace Sunderfall.Accounts.Accounts;

/// <summary>Why an account operation was refused; <see cref="None"/> when it succeeded.</summary>
public enum AuthErrorCode
{
    /// <summary>Not an error: the operation succeeded.</summary>
    None = 0,

    /// <summary>An argument breaks a rule; the message says which and what is allowed.</summary>
    InvalidArgument,

    /// <summary>Another account has this username (ignoring case).</summary>
    UsernameTaken,

    /// <summary>Another account has this email address (ignoring case).</summary>
    EmailTaken,

    /// <summary>Unknown username or wrong password; deliberately not saying which.</summary>
    InvalidCredentials,

    /// <summary>Too many failed logins; see <see cref="AuthResult.RetryAfter"/>.</summary>
    LockedOut,

    /// <summary>The account is banned; the message holds the end and the reason.</summary>
    Banned,

    /// <summary>The refresh token is unknown or its session was ended (logout, ban, reuse).</summary>
    TokenInvalid,

    /// <summary>The refresh token is past its lifetime.</summary>
    TokenExpired,

    /// <summary>An already-used refresh token was presented again: the whole session was revoked.</summary>
    TokenReused,

    /// <summary>No such account or session.</summary>
    NotFound,

    /// <summary>The acting account may not do this.</summary>
    Forbidden,

    /// <summary>The password was right, but the account uses two-step sign-in and no code came with it.</summary>
    MfaRequired,

    /// <summary>The authenticator or MFA recovery code is wrong, outside the allowed time drift, or already used.</summary>
    InvalidMfaCode,

    /// <summary>Two-step sign-in is already on; turn it off before enrolling another authenticator.</summary>
    MfaAlreadyEnabled,

    /// <summary>Two-step sign-in is off (or no enrolment is waiting to be confirmed).</summary>
    MfaNotEnabled,

    /// <summary>The account-recovery code is wrong, expired, used up or out of attempts (or the name is unknown).</summary>
    InvalidRecoveryCode,

    /// <summary>Every password-hashing slot is busy and the queue is full; see <see cref="AuthResult.RetryAfter"/>.</summary>
    Busy,
}
