using System.Text;
using System.Text.RegularExpressions;

namespace Sunderfall.Deployment.Tests;

/// <summary>
/// The repository root's .dockerignore, matched the way Docker does for the patterns it uses: '*' and '?' within
/// one path segment, '**' across segments, '!' to re-include, the last matching line wins, and a path is excluded
/// when it or a folder above it matches.
/// </summary>
internal sealed class DockerIgnore
{
    public const string FileName = ".dockerignore";

    private readonly List<(Regex Pattern, bool Exclude)> rules;

    private DockerIgnore(List<(Regex Pattern, bool Exclude)> rules) => this.rules = rules;

    public static DockerIgnore Load()
    {
        var rules = File.ReadAllLines(RepositoryRoot.Combine(FileName))
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.StartsWith('!') ? (Pattern: l[1..], Exclude: false) : (Pattern: l, Exclude: true))
            .Select(r => (ToRegex(r.Pattern.Trim('/')), r.Exclude))
            .ToList();
        return new DockerIgnore(rules);
    }

    /// <summary>Whether a path relative to the build context (written with '/') stays out of the context.</summary>
    public bool Excludes(string path)
    {
        var segments = path.Trim('/').Split('/');
        var excluded = false;
        foreach (var (pattern, exclude) in rules)
        {
            for (var length = 1; length <= segments.Length; length++)
            {
                if (pattern.IsMatch(string.Join('/', segments[..length])))
                {
                    excluded = exclude;
                    break;
                }
            }
        }

        return excluded;
    }

    private static Regex ToRegex(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                // "**/" may stand for no folder at all.
                var slash = i + 2 < pattern.Length && pattern[i + 2] == '/';
                regex.Append(slash ? "(.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else
            {
                regex.Append(pattern[i] switch
                {
                    '*' => "[^/]*",
                    '?' => "[^/]",
                    var c => Regex.Escape(c.ToString()),
                });
            }
        }

        return new Regex(regex.Append('$').ToString(), RegexOptions.CultureInvariant);
    }
}
