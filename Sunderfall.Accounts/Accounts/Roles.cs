namespace Sunderfall.Accounts.Accounts;

/// <summary>The roles an account can hold; they travel in access tokens as "role" claims.</summary>
public static class Roles
{
    /// <summary>Every account: may play.</summary>
    public const string Player = "player";

    /// <summary>May read the audit log, kick and ban players.</summary>
    public const string Moderator = "moderator";

    /// <summary>May change roles, use admin endpoints and the dashboard.</summary>
    public const string Admin = "admin";

    /// <summary>Every known role, in order of increasing power.</summary>
    public static IReadOnlyList<string> All { get; } = [Player, Moderator, Admin];

    /// <summary>The canonical spelling of a known role (ignoring case), or null.</summary>
    public static string? Normalize(string? role) =>
        All.FirstOrDefault(r => string.Equals(r, role?.Trim(), StringComparison.OrdinalIgnoreCase));
}
