using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace Sunderfall.Frontend.Edge;

/// <summary>
/// Wraps a hub protocol (JSON, MessagePack) so that a call SignalR cannot bind - a method the hub does not have, such
/// as "Teleport", or arguments that do not fit, such as Move with a position - reaches the hub as a call of
/// <see cref="RefusalMethod"/> naming the method asked for. SignalR would otherwise drop such a call before any hub
/// filter sees it (a send gets no answer, an invoke only "Failed to invoke"), so it could be neither answered with a
/// typed error nor counted toward a cheat flag. A client calling <see cref="RefusalMethod"/> itself is refused the same way.
/// </summary>
public sealed class InvocationGuardProtocol(IHubProtocol inner) : IHubProtocol
{
    /// <summary>The hub method refused calls are turned into; its arguments are the method asked for and whether a reply is awaited.</summary>
    public const string RefusalMethod = "$refused";

    /// <summary>Longest method name passed on (the rest is cut off).</summary>
    public const int MaxMethodName = 64;

    public string Name => inner.Name;

    public int Version => inner.Version;

    public TransferFormat TransferFormat => inner.TransferFormat;

    public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [NotNullWhen(true)] out HubMessage? message)
    {
        if (!inner.TryParseMessage(ref input, binder, out message))
        {
            return false;
        }

        message = message switch
        {
            InvocationBindingFailureMessage failure => Refusal(failure.InvocationId, failure.Target),
            HubMethodInvocationMessage call when string.Equals(call.Target, RefusalMethod, StringComparison.OrdinalIgnoreCase) => Refusal(call.InvocationId, call.Target),
            _ => message,
        };
        return true;
    }

    public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => inner.WriteMessage(message, output);

    public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => inner.GetMessageBytes(message);

    public bool IsVersionSupported(int version) => inner.IsVersionSupported(version);

    private static InvocationMessage Refusal(string? invocationId, string? target) =>
        new(invocationId, RefusalMethod, [Shorten(target ?? ""), invocationId is not null]);

    private static string Shorten(string method) => method.Length <= MaxMethodName ? method : method[..MaxMethodName] + "…";

    /// <summary>Replaces every registered hub protocol by its guarded wrapper.</summary>
    public static void Register(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        foreach (var registered in services.Where(d => d.ServiceType == typeof(IHubProtocol)).ToList())
        {
            var type = registered.ImplementationType
                ?? throw new InvalidOperationException($"hub protocol registration {registered} names no implementation type; register it by type");
            services.Remove(registered);
            services.AddSingleton<IHubProtocol>(sp => new InvocationGuardProtocol((IHubProtocol)ActivatorUtilities.CreateInstance(sp, type)));
        }
    }
}
