namespace Sunderfall.Accounts.Mfa;

/// <summary>What a user types as a second factor: an authenticator code or an MFA recovery code.</summary>
public static class MfaCode
{
    /// <summary>Longest text looked at; anything longer is refused before any work.</summary>
    public const int MaxLength = 64;

    /// <summary>What is allowed, for messages.</summary>
    public const string Rule = "the 6-digit code from your authenticator app, or one of your recovery codes (like abcde-23456)";

    /// <summary>
    /// The code without spaces and dashes, in lower case, as it is checked and hashed; empty for null. Authenticator
    /// apps show "123 456" and recovery codes are shown with a dash, so both may come back that way.
    /// </summary>
    public static string Normalize(string? code) =>
        code is null ? "" : string.Concat(code.Where(c => c is not (' ' or '-'))).ToLowerInvariant();
}
