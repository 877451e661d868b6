namespace Sunderfall.Accounts.Accounts;

/// <summary>
/// What a new password may be: 10-128 characters, at least one letter and at least one digit or symbol, not containing
/// the username, not one character repeated. Length counts UTF-16 code units.
/// </summary>
public static class PasswordPolicy
{
    /// <summary>Shortest password.</summary>
    public const int MinLength = 10;

    /// <summary>Longest password; also bounds the hashing work one request can ask for.</summary>
    public const int MaxLength = 128;

    /// <summary>The whole rule, for messages.</summary>
    public const string Rule =
        "password must be 10-128 characters with at least one letter and at least one digit or symbol, " +
        "must not contain the username and must not be one character repeated";

    /// <summary>Null when the password is allowed for this username, else a message saying what is allowed.</summary>
    public static string? Validate(string? username, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Rule + " (it is empty)";
        }

        if (password.Length is < MinLength or > MaxLength)
        {
            return $"{Rule} (it has {password.Length} characters)";
        }

        if (password.Any(char.IsControl))
        {
            return Rule + " (it contains a control character)";
        }

        if (password.All(c => c == password[0]))
        {
            return Rule + " (it is one character repeated)";
        }

        if (!password.Any(char.IsLetter))
        {
            return Rule + " (it has no letter)";
        }

        if (password.All(c => char.IsLetter(c) || char.IsWhiteSpace(c)))
        {
            return Rule + " (it has no digit or symbol)";
        }

        if (!string.IsNullOrEmpty(username) && password.Contains(username, StringComparison.OrdinalIgnoreCase))
        {
            return Rule + " (it contains the username)";
        }

        return null;
    }
}
