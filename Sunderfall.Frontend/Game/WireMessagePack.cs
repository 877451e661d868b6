using MessagePack;
using MessagePack.Resolvers;

namespace Sunderfall.Frontend.Game;

/// <summary>
/// The MessagePack options of the hub. SignalR's default resolver writes enums as their names, so
/// <c>ServerError.Code</c> would travel as "Forbidden" in MessagePack and as 9 in JSON; this one writes the number
/// docs/protocol.md lists in both. Property names stay as declared (PascalCase) in MessagePack; JSON writes camelCase.
/// </summary>
public static class WireMessagePack
{
    /// <summary>Contractless objects, enums as their numbers, and the limits for data from untrusted clients.</summary>
    public static MessagePackSerializerOptions Options { get; } =
        MessagePackSerializerOptions.Standard.WithResolver(ContractlessStandardResolver.Instance).WithSecurity(MessagePackSecurity.UntrustedData);
}
