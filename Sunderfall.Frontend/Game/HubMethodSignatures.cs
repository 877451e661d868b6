using System.Reflection;
using Microsoft.AspNetCore.SignalR;
using Sunderfall.Frontend.Edge;

namespace Sunderfall.Frontend.Game;

/// <summary>The game hub's methods as a client must call them, for refusals that say what is allowed.</summary>
public static class HubMethodSignatures
{
    private static readonly Dictionary<string, string> Signatures = typeof(GameHub)
        .GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
        .Where(m => !m.IsSpecialName && m.GetBaseDefinition().DeclaringType == typeof(GameHub))
        .Select(m => (Name: m.GetCustomAttribute<HubMethodNameAttribute>()?.Name ?? m.Name, Method: m))
        .Where(m => m.Name != InvocationGuardProtocol.RefusalMethod)
        .ToDictionary(m => m.Name, m => $"{m.Name}({string.Join(", ", m.Method.GetParameters().Select(p => $"{TypeName(p.ParameterType)} {p.Name}"))})",
            StringComparer.OrdinalIgnoreCase);

    /// <summary>Why a call of <paramref name="method"/> could not be made, saying what the hub accepts.</summary>
    public static string Refusal(string method) => Signatures.TryGetValue(method, out var signature)
        ? $"the arguments of this {method} call do not fit {signature}"
        : $"'{method}' is not a game hub method: characters act only through the methods of docs/protocol.md (movement is Move with a direction, never a position)";

    private static string TypeName(Type type) => Nullable.GetUnderlyingType(type) is { } underlying
        ? TypeName(underlying) + "?"
        : type == typeof(long) ? "long"
        : type == typeof(int) ? "int"
        : type == typeof(float) ? "float"
        : type == typeof(string) ? "string"
        : type == typeof(bool) ? "bool"
        : type.Name;
}
