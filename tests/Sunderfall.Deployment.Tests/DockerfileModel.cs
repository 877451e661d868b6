using System.Text;

namespace Sunderfall.Deployment.Tests;

/// <summary>A Dockerfile in the repository, read into instructions (enough of the syntax for what docker/ uses).</summary>
internal sealed class DockerfileModel
{
    private DockerfileModel(string relativePath, IReadOnlyList<DockerfileInstruction> instructions)
    {
        RelativePath = relativePath;
        Instructions = instructions;
    }

    public string RelativePath { get; }

    public IReadOnlyList<DockerfileInstruction> Instructions { get; }

    /// <summary>The stage the image is made of: the instructions from the last FROM on.</summary>
    public IReadOnlyList<DockerfileInstruction> FinalStage =>
        Instructions.Where(i => i.Stage == Instructions.Max(j => j.Stage)).ToList();

    /// <summary>COPY and ADD instructions that take files from the build context (not from another stage).</summary>
    public IReadOnlyList<DockerfileInstruction> ContextCopies =>
        Instructions.Where(i => i.Keyword is "COPY" or "ADD" && !i.CopiesFromStage).ToList();

    /// <summary>The project that RUN dotnet publish builds, relative to the repository root.</summary>
    public string PublishedProject
    {
        get
        {
            var publish = Instructions.Single(i => i.Keyword == "RUN" && i.Arguments.Contains("dotnet publish", StringComparison.Ordinal));
            return publish.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Single(t => t.EndsWith(".csproj", StringComparison.Ordinal));
        }
    }

    public static DockerfileModel Load(string relativePath)
    {
        var instructions = new List<DockerfileInstruction>();
        var pending = new StringBuilder();
        var startLine = 0;
        var stage = -1;
        var lines = File.ReadAllLines(RepositoryRoot.Combine(relativePath));
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd();
            var trimmed = line.TrimStart();
            // Comment and blank lines are dropped, also in the middle of a continued instruction.
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            if (pending.Length == 0)
            {
                startLine = i + 1;
            }

            if (line.EndsWith('\\'))
            {
                pending.Append(line[..^1]).Append(' ');
                continue;
            }

            pending.Append(line);
            var text = pending.ToString().Trim();
            pending.Clear();
            var space = text.IndexOfAny([' ', '\t']);
            var keyword = (space < 0 ? text : text[..space]).ToUpperInvariant();
            if (keyword == "FROM")
            {
                stage++;
            }

            instructions.Add(new DockerfileInstruction(keyword, space < 0 ? "" : text[(space + 1)..].Trim(), startLine, stage));
        }

        return new DockerfileModel(relativePath, instructions);
    }

    /// <summary>A COPY path without a leading "./" or a trailing "/", for comparing.</summary>
    public static string Normalize(string path)
    {
        var normalized = path.StartsWith("./", StringComparison.Ordinal) ? path[2..] : path;
        return normalized.TrimEnd('/');
    }

    public override string ToString() => RelativePath;
}
