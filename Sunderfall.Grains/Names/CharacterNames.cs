using Sunderfall.Grains.Interfaces.Names;

namespace Sunderfall.Grains.Names;

/// <summary>Rules for character names: what is allowed, and the form under which names are compared.</summary>
public static class CharacterNames
{
    /// <summary>Shortest allowed name.</summary>
    public const int MinLength = CharacterNameShape.MinLength;

    /// <summary>Longest allowed name.</summary>
    public const int MaxLength = CharacterNameShape.MaxLength;

    /// <summary>Says what is wrong with <paramref name="name"/>, or null if it is allowed.</summary>
    public static string? Validate(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return $"name is required: {MinLength}-{MaxLength} characters of A-Z, a-z, 0-9, '-' or '_', starting with a letter";
        }

        if (name.Length < MinLength || name.Length > MaxLength)
        {
            return $"name has {name.Length} characters; it must have {MinLength}-{MaxLength}";
        }

        return CharacterNameShape.IsWellFormed(name)
            ? null
            : "name may hold only A-Z, a-z, 0-9, '-' or '_' and must start with a letter";
    }

    /// <summary>The key under which a name is claimed: names differing only in case share it.</summary>
    public static string Normalize(string name) => name.ToUpperInvariant();
}
