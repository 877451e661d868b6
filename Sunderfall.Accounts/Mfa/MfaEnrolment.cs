namespace Sunderfall.Accounts.Mfa;

/// <summary>A new authenticator secret, shown to the account's owner once, to be confirmed with a code from it.</summary>
/// <param name="Secret">The secret in base32, for typing into an authenticator app.</param>
/// <param name="OtpAuthUri">The otpauth://totp/ URI with the same secret, for a QR code.</param>
public sealed record MfaEnrolment(string Secret, string OtpAuthUri);
