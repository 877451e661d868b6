using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR;
using Sunderfall.Frontend.Game;
using Sunderfall.Protocol;
using ErrorCode = Sunderfall.Protocol.Errors.ErrorCode;
using Xunit;
using Sunderfall.Frontend.Edge;

namespace Sunderfall.Frontend.Tests.Game;

/// <summary>
/// docs/protocol.md must list exactly the hub's methods, events and error codes, with the right argument counts, and
/// every message shape it spells out must have exactly the fields of the Sunderfall.Protocol type it names.
/// </summary>
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

    [Fact]
    public void TheDocument_ListsNoEventTheServerDoesNotHave()
    {
        var events = typeof(HubNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.Name.EndsWith("Event", StringComparison.Ordinal))
            .Select(f => (string)f.GetValue(null)!)
            .ToHashSet();
        var documented = Rows(Section("## Events (server → client)")).Select(cells => cells[1].Trim('`')).ToList();

        Assert.NotEmpty(documented);
        Assert.All(documented, name => Assert.Contains(name, events));
    }

    [Fact]
    public void TheErrorCodeTable_MatchesTheErrorCodeEnum_NumbersAndNames()
    {
        var documented = Rows(Section("## Error codes"))
            .Where(cells => int.TryParse(cells[1], out _))
            .Select(cells => (Number: int.Parse(cells[1], System.Globalization.CultureInfo.InvariantCulture), Name: cells[2].Trim('`')))
            .ToList();
        var declared = Enum.GetValues<ErrorCode>()
            .Where(code => code != ErrorCode.None)
            .Select(code => (Number: (int)code, Name: code.ToString()))
            .ToList();

        Assert.Equal(declared, documented);
    }

    public static TheoryData<string, string> DocumentedShapes()
    {
        // "`Name` is `{ a, b }`" and "`Name { a, b }`", also across line breaks.
        var flat = Regex.Replace(Document, @"\s+", " ");
        var data = new TheoryData<string, string>();
        foreach (Match match in Regex.Matches(flat, @"`(?<type>[A-Z]\w*)(?:<T>)?` is `\{ (?<fields>[^}`]*) \}`|`(?<type>[A-Z]\w*) \{ (?<fields>[^}`]*) \}`"))
        {
            data.Add(match.Groups["type"].Value, match.Groups["fields"].Value);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DocumentedShapes))]
    public void EveryMessageShapeInTheDocument_HasExactlyTheFieldsOfItsProtocolType(string type, string fields)
    {
        var declared = typeof(HubNames).Assembly.GetExportedTypes().SingleOrDefault(t => t.Name == type || t.Name.StartsWith(type + "`", StringComparison.Ordinal));
        Assert.True(declared is not null, $"the document describes {type}, which Sunderfall.Protocol does not have");
        var documented = fields.Split(',').Select(f => f.Split(':')[0].Trim()).Order(StringComparer.Ordinal);
        var properties = declared.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => char.ToLowerInvariant(p.Name[0]) + p.Name[1..])
            .Order(StringComparer.Ordinal);

        Assert.Equal(properties, documented);
    }

    [Theory]
    [MemberData(nameof(HubMethods))]
    public void WhatEveryHubMethodAnswers_IsDescribedWithItsFields(string name)
    {
        var returned = typeof(GameHub).GetMethod(name)!.ReturnType;
        if (!returned.IsGenericType)
        {
            return; // fire-and-forget: no answer
        }

        var answer = returned.GetGenericArguments()[0].GetGenericArguments()[0];
        Assert.Contains(DocumentedShapes(), row => (string)row[0] == answer.Name);
    }

    // The text from a heading to the next heading of the same or a higher level.
    private static string Section(string heading)
    {
        var start = Document.IndexOf(heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no section {heading}");
        var level = heading.TakeWhile(c => c == '#').Count();
        var next = Regex.Match(Document[(start + heading.Length)..], $"\n#{{1,{level}}} ");
        return next.Success ? Document.Substring(start, heading.Length + next.Index) : Document[start..];
    }

    // The body rows of the tables in a section (no header or separator rows), as cells; cell 0 is the empty text
    // before the first '|'.
    private static IEnumerable<string[]> Rows(string section)
    {
        var lines = section.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var isHeader = i + 1 < lines.Length && lines[i + 1].StartsWith("|---", StringComparison.Ordinal);
            if (lines[i].StartsWith("| ", StringComparison.Ordinal) && !isHeader)
            {
                yield return lines[i].Split('|').Select(c => c.Trim()).ToArray();
            }
        }
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
