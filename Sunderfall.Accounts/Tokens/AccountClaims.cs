using System.Security.Claims;

namespace Sunderfall.Accounts.Tokens;

/// <summary>The claims of a Sunderfall access token and how to read them from a validated principal.</summary>
public static class AccountClaims
{
    /// <summary>The account id.</summary>
    public const string Subject = "sub";

    /// <summary>The username.</summary>
    public const string Name = "name";

    /// <summary>One claim per role.</summary>
    public const string Role = "role";

    /// <summary>The session: the refresh-token family the token was issued for.</summary>
    public const string SessionId = "sid";

    /// <summary>The account id, or null when the principal has none (not a Sunderfall token).</summary>
    public static Guid? AccountId(ClaimsPrincipal principal) => ReadGuid(principal, Subject);

    /// <summary>The session (refresh-token family) id, or null.</summary>
    public static Guid? Session(ClaimsPrincipal principal) => ReadGuid(principal, SessionId);

    private static Guid? ReadGuid(ClaimsPrincipal principal, string type)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return Guid.TryParse(principal.FindFirst(type)?.Value, out var id) ? id : null;
    }
}
