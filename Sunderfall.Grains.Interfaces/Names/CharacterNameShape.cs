using System.Text.RegularExpressions;

namespace Sunderfall.Grains.Interfaces.Names;

/// <summary>
/// The shape every character name has: 3-16 characters of A-Z, a-z, 0-9, '-' or '_', starting with a letter. Checked
/// before any name is looked up, so a name no character can have never activates a grain or reads the database.
/// </summary>
public static partial class CharacterNameShape
{
    /// <summary>Shortest allowed name.</summary>
    public const int MinLength = 3;

    /// <summary>Longest allowed name.</summary>
    public const int MaxLength = 16;

    /// <summary>What every refusal of a name's shape says is allowed.</summary>
    public const string Rule = "3-16 characters of A-Z, a-z, 0-9, '-' or '_', starting with a letter";

    /// <summary>True when a character could have this name.</summary>
    public static bool IsWellFormed(string? name) => name is { Length: >= MinLength and <= MaxLength } && Allowed().IsMatch(name);

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Allowed();
}
