using Sunderfall.Accounts.Mfa;
using Sunderfall.Accounts.Tokens;

namespace Sunderfall.Accounts.Accounts;

/// <summary>What an account operation answers: success with the account (and tokens), or a code and a message.</summary>
public sealed record AuthResult
{
    /// <summary>True when the operation succeeded.</summary>
    public bool Ok => Code == AuthErrorCode.None;

    /// <summary>Why it was refused, or <see cref="AuthErrorCode.None"/>.</summary>
    public AuthErrorCode Code { get; init; }

    /// <summary>A message for the user: what was wrong and what is allowed. Never holds a secret.</summary>
    public string Message { get; init; } = "";

    /// <summary>Tokens from a login or refresh; null otherwise.</summary>
    public TokenPair? Tokens { get; init; }

    /// <summary>The account concerned, when the caller may see it.</summary>
    public AccountInfo? Account { get; init; }

    /// <summary>When refused for a time (lockout), how long until trying again can succeed.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>From <see cref="Mfa.AccountMfa.BeginMfaEnrolmentAsync"/>: the new secret, for the account's owner only.</summary>
    public MfaEnrolment? MfaEnrolment { get; init; }

    /// <summary>
    /// From <see cref="Mfa.AccountMfa.ConfirmMfaAsync"/>: the one-time MFA recovery codes, shown once to the account's
    /// owner (only their hashes are kept).
    /// </summary>
    public IReadOnlyList<string>? RecoveryCodes { get; init; }

    /// <summary>A success.</summary>
    public static AuthResult Success(AccountInfo? account, TokenPair? tokens = null) =>
        new() { Code = AuthErrorCode.None, Message = "ok", Account = account, Tokens = tokens };

    /// <summary>A refusal.</summary>
    public static AuthResult Fail(AuthErrorCode code, string message, TimeSpan? retryAfter = null)
    {
        if (code == AuthErrorCode.None)
        {
            throw new ArgumentException("a failure needs a code other than None", nameof(code));
        }

        return new() { Code = code, Message = message, RetryAfter = retryAfter };
    }
}
