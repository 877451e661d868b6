using Microsoft.AspNetCore.Authorization;

namespace Sunderfall.Accounts.Accounts;

/// <summary>Authorization policy names for hub methods and HTTP endpoints, and their registration.</summary>
public static class AccountPolicies
{
    /// <summary>Any signed-in account (player, moderator or admin).</summary>
    public const string Player = "account.player";

    /// <summary>Moderators and admins.</summary>
    public const string Moderator = "account.moderator";

    /// <summary>Admins only: admin endpoints and the dashboard.</summary>
    public const string Admin = "account.admin";

    /// <summary>Adds the three policies; roles come from the access token's "role" claims.</summary>
    public static AuthorizationOptions AddAccountPolicies(this AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddPolicy(Player, p => p.RequireAuthenticatedUser().RequireRole(Roles.Player, Roles.Moderator, Roles.Admin));
        options.AddPolicy(Moderator, p => p.RequireAuthenticatedUser().RequireRole(Roles.Moderator, Roles.Admin));
        options.AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin));
        return options;
    }
}
