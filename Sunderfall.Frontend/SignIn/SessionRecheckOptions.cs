namespace Sunderfall.Frontend.SignIn;

/// <summary>
/// How often this frontend re-checks the sign-in session of every live game connection against PostgreSQL, and
/// closes those whose session was logged out, revoked or banned. Section "SessionRecheck".
/// </summary>
public sealed class SessionRecheckOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "SessionRecheck";

    /// <summary>Shortest interval accepted: one query a second per frontend.</summary>
    public static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(1);

    /// <summary>Longest interval accepted: a banned player must not play on for longer.</summary>
    public static readonly TimeSpan MaxInterval = TimeSpan.FromHours(1);

    /// <summary>
    /// Time between two re-checks (one query each, whatever the number of connections). The longest a revoked session
    /// can keep playing when the grain that would have closed it at once was lost with its silo.
    /// </summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>What is wrong with the settings, or null.</summary>
    public string? Problem() =>
        Interval < MinInterval || Interval > MaxInterval
            ? $"{SectionName}:Interval must be from {MinInterval:c} to {MaxInterval:c}, not {Interval:c}"
            : null;
}
