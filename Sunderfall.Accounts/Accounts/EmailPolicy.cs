namespace Sunderfall.Accounts.Accounts;

/// <summary>
/// What an email address may be: at most 254 characters, one '@' with something before it, and a domain with a dot
/// inside it. Deliverability is not checked here: a confirmation mail does that.
/// </summary>
public static class EmailPolicy
{
    /// <summary>Longest address (RFC 5321's limit on a forward path).</summary>
    public const int MaxLength = 254;

    /// <summary>The rule, for messages.</summary>
    public const string Rule = "email must be an address like name@example.com, at most 254 characters, without spaces";

    /// <summary>Null when the address is allowed, else a message saying what is allowed.</summary>
    public static string? Validate(string? email)
    {
        if (string.IsNullOrEmpty(email))
        {
            return Rule + " (it is empty)";
        }

        if (email.Length > MaxLength)
        {
            return $"{Rule} (it has {email.Length} characters)";
        }

        if (email.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return Rule + " (it contains a space or control character)";
        }

        var at = email.IndexOf('@', StringComparison.Ordinal);
        if (at < 0 || at != email.LastIndexOf('@'))
        {
            return Rule + " (it must contain exactly one '@')";
        }

        if (at == 0)
        {
            return Rule + " (nothing before the '@')";
        }

        var domain = email[(at + 1)..];
        var dot = domain.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || domain.EndsWith('.') || domain.Contains("..", StringComparison.Ordinal))
        {
            return Rule + " (the part after the '@' must be a domain with a dot, like example.com)";
        }

        return null;
    }
}
