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

    /// <summary>
    /// What the final image is made of: the last stage and the stages it is built FROM by name, the earliest first
    /// (USER, HEALTHCHECK and ENTRYPOINT are inherited from them).
    /// </summary>
    public IReadOnlyList<DockerfileInstruction> EffectiveFinalStage
    {
        get
        {
            var froms = Instructions.Where(i => i.Keyword == "FROM").ToList();
            var names = froms.Select(f => f.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Select((parts, stage) => (parts, stage))
                .Where(p => p.parts.Length == 3 && p.parts[1].Equals("AS", StringComparison.OrdinalIgnoreCase))
                .ToDictionary(p => p.parts[2], p => p.stage, StringComparer.Ordinal);
            var chain = new List<int> { froms.Count - 1 };
            while (names.TryGetValue(froms[chain[^1]].Arguments.Split(' ')[0], out var parent))
            {
                chain.Add(parent);
            }

            chain.Reverse();
            return chain.SelectMany(stage => Instructions.Where(i => i.Stage == stage)).ToList();
        }
    }

    /// <summary>The image the final stage's chain starts from (its first FROM's image, build arguments unresolved).</summary>
    public string RuntimeBase => EffectiveFinalStage[0].Arguments.Split(' ')[0];

    /// <summary>The default value of a build argument declared before the first FROM.</summary>
    public string? ArgumentDefault(string name) =>
        Instructions.Where(i => i.Keyword == "ARG" && i.Stage < 0)
            .Select(i => i.Arguments.Split('=', 2))
            .Where(parts => parts[0] == name && parts.Length == 2)
            .Select(parts => parts[1])
            .SingleOrDefault();

    /// <summary>COPY and ADD instructions that take files from the build context (not from another stage).</summary>
    public IReadOnlyList<DockerfileInstruction> ContextCopies =>
        Instructions.Where(i => i.Keyword is "COPY" or "ADD" && !i.CopiesFromStage).ToList();

    /// <summary>The project that RUN dotnet publish builds, relative to the repository root.</summary>
    public string PublishedProject
    {
        get
        {
            // The first project of the publishing RUN (the silo's also publishes the migrations command beside it).
            var publish = Instructions.Single(i => i.Keyword == "RUN" && i.Arguments.Contains("dotnet publish", StringComparison.Ordinal));
            return publish.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .First(t => t.EndsWith(".csproj", StringComparison.Ordinal));
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
