using System.Xml.Linq;

namespace Sunderfall.Architecture.Tests;

/// <summary>The checkout's projects as their .csproj files declare them: project and package references, followed transitively.</summary>
internal sealed class Solution
{
    private readonly Dictionary<string, XDocument> projects = new(StringComparer.Ordinal);

    private Solution(string root) => Root = root;

    /// <summary>The nearest folder above the test binaries that holds Sunderfall.sln.</summary>
    public string Root { get; }

    public static Solution Load()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Sunderfall.sln")))
            {
                return new Solution(dir.FullName);
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds Sunderfall.sln.");
    }

    /// <summary>Every project <paramref name="project"/> references, directly or through another, by name.</summary>
    public IReadOnlySet<string> ProjectClosure(string project)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([project]);
        while (pending.TryPop(out var next))
        {
            foreach (var reference in DirectProjectReferences(next))
            {
                if (seen.Add(reference))
                {
                    pending.Push(reference);
                }
            }
        }

        return seen;
    }

    /// <summary>Every package <paramref name="project"/> or a project it references names.</summary>
    public IReadOnlySet<string> PackageClosure(string project)
    {
        var packages = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in ProjectClosure(project).Append(project))
        {
            packages.UnionWith(Items(name, "PackageReference"));
        }

        return packages;
    }

    public IEnumerable<string> DirectProjectReferences(string project) =>
        Items(project, "ProjectReference").Select(path => Path.GetFileNameWithoutExtension(path.Replace('\\', '/')));

    /// <summary>The C# sources of a project folder (bin and obj left out), relative to the project folder, with '/'.</summary>
    public IEnumerable<(string RelativePath, string Text)> Sources(string project)
    {
        var folder = Path.Combine(Root, project);
        return Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("bin/", StringComparison.Ordinal) && !f.StartsWith("obj/", StringComparison.Ordinal))
            .Select(f => (f, File.ReadAllText(Path.Combine(folder, f))));
    }

    private IEnumerable<string> Items(string project, string itemName)
    {
        if (!projects.TryGetValue(project, out var document))
        {
            var path = Path.Combine(Root, project, project + ".csproj");
            if (!File.Exists(path))
            {
                path = Path.Combine(Root, "tests", project, project + ".csproj");
            }

            document = XDocument.Load(path);
            projects[project] = document;
        }

        return document.Descendants(itemName).Select(e => (string?)e.Attribute("Include")).OfType<string>();
    }
}
