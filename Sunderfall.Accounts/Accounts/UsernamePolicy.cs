namespace Sunderfall.Accounts.Accounts;

/// <summary>What a username may be: 3-20 characters of A-Z, a-z, 0-9, '_' or '-', starting with a letter.</summary>
public static class UsernamePolicy
{
    /// <summary>Shortest username.</summary>
    public const int MinLength = 3;

    /// <summary>Longest username.</summary>
    public const int MaxLength = 20;

    /// <summary>The rule, for messages.</summary>
    public const string Rule = "username must be 3-20 characters of A-Z, a-z, 0-9, '_' or '-', starting with a letter";

    /// <summary>Null when the username is allowed, else a message saying what is allowed.</summary>
    public static string? Validate(string? username)
    {
        if (string.IsNullOrEmpty(username))
        {
            return Rule + " (it is empty)";
        }

        if (username.Length is < MinLength or > MaxLength)
        {
            return $"{Rule} (it has {username.Length})";
        }

        if (!char.IsAsciiLetter(username[0]))
        {
            return Rule + " (it does not start with a letter)";
        }

        foreach (var c in username)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_' && c != '-')
            {
                return Rule + (char.IsControl(c) || char.IsWhiteSpace(c) ? " (it contains a space or control character)" : $" (it contains '{c}')");
            }
        }

        return null;
    }
}
