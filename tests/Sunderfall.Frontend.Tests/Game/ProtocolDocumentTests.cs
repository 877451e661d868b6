using System.Reflection;
using Microsoft.AspNetCore.SignalR;
using Sunderfall.Frontend.Game;
using Sunderfall.Frontend.Security;
using Sunderfall.Protocol;
using Xunit;

namespace Sunderfall.Frontend.Tests.Game;

/// <summary>docs/protocol.md must list exactly the hub's methods and events, with the right argument counts.</summary>
public sealed class ProtocolDocumentTests
{
    private static readonly string Document = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "protocol.md"));

    public static TheoryData<string> HubMethods()
    {
        var data = new TheoryData<string>();
        foreach (var method in typeof(GameHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                     .Where(m => !m.IsSpecialName && m.GetBaseDefinition().DeclaringType == typeof(GameHub))
                     // Reached only through InvocationGuardProtocol, for calls that could not be bound: not a client method.
                     .Where(m => m.GetCustomAttribute<HubMethodNameAttribute>()?.Name != InvocationGuardProtocol.RefusalMethod))
        {
            data.Add(method.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(HubMethods))]
    public void EveryHubMethod_IsDocumentedWithItsArguments(string name)
    {
        var method = typeof(GameHub).GetMethod(name)!;
        var row = Document.Split('\n').FirstOrDefault(l => l.StartsWith($"| `{name}` |", StringComparison.Ordinal));

        Assert.NotNull(row);
        var arguments = row.Split('|')[2];
        foreach (var parameter in method.GetParameters())
        {
            Assert.Contains($"`{parameter.Name}`", arguments, StringComparison.Ordinal);
        }

        Assert.Equal(method.GetParameters().Length, arguments.Count(c => c == '`') / 2);
    }

    [Fact]
    public void EveryServerEvent_IsDocumented()
    {
        var events = typeof(HubNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.Name.EndsWith("Event", StringComparison.Ordinal))
            .Select(f => (string)f.GetValue(null)!)
            .ToList();

        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.Contains($"| `{e}` |", Document, StringComparison.Ordinal));
    }

    [Fact]
    public void TheDocument_ListsNoMethodTheHubDoesNotHave()
    {
        var section = Document[Document.IndexOf("## Methods", StringComparison.Ordinal)..Document.IndexOf("## Events", StringComparison.Ordinal)];
        var documented = section.Split('\n')
            .Where(l => l.StartsWith("| `", StringComparison.Ordinal))
            .Select(l => l.Split('`')[1]);

        Assert.All(documented, name => Assert.NotNull(typeof(GameHub).GetMethod(name)));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Sunderfall.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Sunderfall.sln not found");
    }
}
