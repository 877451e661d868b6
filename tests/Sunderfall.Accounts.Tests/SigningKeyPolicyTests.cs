using System.Text.RegularExpressions;
using Xunit;

namespace Sunderfall.Accounts.Tests;

public sealed partial class SigningKeyPolicyTests
{
    [Fact]
    public void Problem_ForRandomKeysMadeAsTheDocsSay_IsNone()
    {
        for (var i = 0; i < 200; i++)
        {
            Assert.Null(SigningKeyPolicy.Problem(TestKeys.NewKey()));
            Assert.Null(SigningKeyPolicy.Problem(Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32))));
        }
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("passwordpasswordpasswordpassword")]
    public void Problem_ForAKeyOfFewCharactersOrOneRepeatedPattern_IsReported(string key) =>
        Assert.NotNull(SigningKeyPolicy.Problem(key));

    [Fact]
    public void EveryDefaultSigningKeyInTheRepositorysConfigurationAndScripts_IsRefused()
    {
        var root = RepositoryRoot();
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}node_modules{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}.git{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}.data{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => Path.GetFileName(f).StartsWith("appsettings", StringComparison.Ordinal)
                || Path.GetExtension(f) is ".sh" or ".yml" or ".yaml" or ".env" or ".json" && !f.EndsWith("package-lock.json", StringComparison.Ordinal));
        var found = new List<(string File, string Key)>();
        foreach (var file in files)
        {
            foreach (Match match in SigningKeyValue().Matches(File.ReadAllText(file)))
            {
                var value = match.Groups["value"].Value;
                // ${VAR:-default} carries a key; ${VAR:?message}, $VAR and $(command) do not.
                var key = value.StartsWith("${", StringComparison.Ordinal)
                    ? (value.IndexOf(":-", StringComparison.Ordinal) is var at and >= 0 ? value[(at + 2)..].TrimEnd('}') : "")
                    : value.StartsWith('$') || value.Contains("$(", StringComparison.Ordinal) ? "" : value;
                if (key.Length > 0)
                {
                    found.Add((Path.GetRelativePath(root, file), key));
                }
            }
        }

        Assert.All(found, f => Assert.True(SigningKeyPolicy.Problem(f.Key) is not null, $"{f.File}: the signing key '{f.Key}' would be accepted outside Development"));
    }

    [GeneratedRegex("""SigningKey["']?\s*[:=]\s*["']?(?<value>[^"'\s]+)""")]
    private static partial Regex SigningKeyValue();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Sunderfall.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Sunderfall.sln not found above " + AppContext.BaseDirectory);
    }
}
