using System.Xml.Linq;

namespace Sunderfall.Deployment.Tests;

/// <summary>What the repository's .csproj files say about the projects a Dockerfile has to build.</summary>
internal static class ProjectFiles
{
    /// <summary>A project and every project it references, directly or not: their folders relative to the root.</summary>
    public static IReadOnlyList<string> ProjectClosure(string projectPath)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        Visit(RepositoryRoot.Combine(projectPath));
        return [.. found];

        void Visit(string csproj)
        {
            var folder = Path.GetDirectoryName(csproj)!;
            if (!found.Add(Path.GetRelativePath(RepositoryRoot.Path, folder).Replace(Path.DirectorySeparatorChar, '/')))
            {
                return;
            }

            foreach (var reference in XDocument.Load(csproj).Descendants("ProjectReference"))
            {
                var include = reference.Attribute("Include")!.Value.Replace('\\', Path.DirectorySeparatorChar);
                Visit(Path.GetFullPath(Path.Combine(folder, include)));
            }
        }
    }

    /// <summary>A project's assembly name: its AssemblyName property, or else its file name.</summary>
    public static string AssemblyName(string projectPath)
    {
        var csproj = RepositoryRoot.Combine(projectPath);
        return XDocument.Load(csproj).Descendants("AssemblyName").LastOrDefault()?.Value
            ?? Path.GetFileNameWithoutExtension(csproj);
    }
}
