using MessagePack;
using MessagePack.Resolvers;

namespace Sunderfall.Client
{
    /// <summary>
    /// The MessagePack options the Sunderfall hub speaks: contractless objects under their declared (PascalCase) names
    /// and enums as their numbers (an error code is the number docs/protocol.md lists, as in JSON). SignalR's default
    /// options read enums as names only, so a .NET client of the hub must use these:
    /// <c>AddMessagePackProtocol(o =&gt; o.SerializerOptions = WireMessagePack.Options)</c>.
    /// </summary>
    public static class WireMessagePack
    {
        /// <summary>Contractless objects, enums as their numbers, and the limits for untrusted data.</summary>
        public static MessagePackSerializerOptions Options { get; } =
            MessagePackSerializerOptions.Standard.WithResolver(ContractlessStandardResolver.Instance).WithSecurity(MessagePackSecurity.UntrustedData);
    }
}
