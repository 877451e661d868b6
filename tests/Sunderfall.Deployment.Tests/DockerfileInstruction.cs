using System.Text.Json;

namespace Sunderfall.Deployment.Tests;

/// <summary>One instruction of a Dockerfile, continuation lines joined, with the build stage it belongs to.</summary>
internal sealed record DockerfileInstruction(string Keyword, string Arguments, int Line, int Stage)
{
    /// <summary>The leading --flags of COPY or ADD (e.g. "--from=build").</summary>
    public IReadOnlyList<string> Flags => Tokens().TakeWhile(t => t.StartsWith("--", StringComparison.Ordinal)).ToList();

    /// <summary>COPY or ADD from another stage rather than from the build context.</summary>
    public bool CopiesFromStage => Flags.Any(f => f.StartsWith("--from=", StringComparison.Ordinal));

    /// <summary>The source paths of COPY or ADD, relative to the build context.</summary>
    public IReadOnlyList<string> Sources => PathArguments()[..^1];

    /// <summary>The destination of COPY or ADD.</summary>
    public string Destination => PathArguments()[^1];

    /// <summary>The words of an exec-form (JSON array) instruction, such as ENTRYPOINT ["dotnet", "X.dll"].</summary>
    public IReadOnlyList<string> ExecForm() =>
        JsonSerializer.Deserialize<string[]>(Arguments) ?? throw new FormatException($"line {Line}: {Keyword} is not in exec form.");

    public override string ToString() => $"line {Line}: {Keyword} {Arguments}";

    private string[] Tokens() => Arguments.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);

    private string[] PathArguments()
    {
        var rest = Tokens().SkipWhile(t => t.StartsWith("--", StringComparison.Ordinal)).ToArray();
        var joined = string.Join(' ', rest);
        var paths = joined.StartsWith('[') ? JsonSerializer.Deserialize<string[]>(joined)! : rest;
        return paths.Length >= 2 ? paths : throw new FormatException($"line {Line}: {Keyword} needs a source and a destination.");
    }
}
