namespace Sunderfall.Accounts.Accounts;

/// <summary>A sign-in session as an access token names it: its account ("sub") and its refresh-token family ("sid").</summary>
/// <param name="AccountId">The account the token was issued to.</param>
/// <param name="SessionId">The refresh-token family the token was issued for.</param>
public readonly record struct SessionKey(Guid AccountId, Guid SessionId);
